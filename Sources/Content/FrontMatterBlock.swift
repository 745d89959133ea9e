/// An article file split into its front matter YAML and its Markdown body.
///
/// The file starts with a line `---` (after an optional UTF-8 byte order mark), then the
/// YAML, then another line `---`; everything after that is the body. Line endings may be
/// `\n` or `\r\n`; the parts come back with `\n` only.
struct FrontMatterBlock {
    /// The YAML between the two `---` lines.
    var yaml: String
    /// The file line of the opening `---` (1-based; always 1 today).
    var openingLine: Int
    /// The Markdown after the closing `---`.
    var body: String
    /// The file line on which `body` starts.
    var bodyLine: Int

    enum Problem: Error, Equatable {
        /// The file does not start with `---`.
        case missing
        /// No closing `---` line after the opening one.
        case unclosed
    }

    /// The text without a byte order mark and with `\n` line endings (line numbers unchanged).
    static func normalized(_ text: String) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard text.contains("\r") else { return text }
        // `\r\n` is a single Character in Swift; go by Unicode scalars.
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            let next = scalars.next()
            if scalar == "\r" && next == "\n" {
                // drop the \r of a \r\n pair
            } else {
                out.append(scalar)
            }
            pending = next
        }
        return String(out)
    }

    /// Splits normalized text (see ``normalized(_:)``).
    static func split(_ text: String) -> Result<FrontMatterBlock, Problem> {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isFence(first) else { return .failure(.missing) }
        guard let closing = lines.dropFirst().firstIndex(where: isFence) else { return .failure(.unclosed) }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(FrontMatterBlock(yaml: yaml, openingLine: 1, body: body, bodyLine: closing + 2))
    }

    private static func isFence(_ line: Substring) -> Bool {
        var line = line
        while line.last == " " || line.last == "\t" { line.removeLast() }
        return line == "---"
    }
}
