/// HTML escaping of whole strings, for filters and operators that build safe values.
/// Printing escapes straight into the output instead (`OutputBuffer.appendEscaped`).
enum Escaping {
    /// `text` with `& < > " '` replaced by character references, which makes it safe in
    /// element content and in quoted attribute values alike.
    static func html(_ text: String) -> String {
        let out = OutputBuffer(capacity: text.utf8.count + 16)
        out.appendEscaped(text)
        return out.string
    }
}
