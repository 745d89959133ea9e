/// Escaping of whole strings, for filters and operators that build safe values, and for
/// the other modules that write HTML themselves (redirect pages, the preview's overlay).
/// Printing escapes straight into the output instead (`OutputBuffer.appendEscaped`).
public enum Escaping {
    /// `text` with `& < > " '` replaced by character references, which makes it safe in
    /// element content and in quoted attribute values alike.
    public static func html(_ text: String) -> String {
        let out = OutputBuffer(capacity: text.utf8.count + 16)
        out.appendEscaped(text)
        return out.string
    }

    /// `text` as a JavaScript/JSON string literal that cannot close a surrounding `<script>`.
    public static func scriptString(_ text: String) -> String {
        var out: [UInt8] = []
        JSONEncoding.appendStringLiteral(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
