/// What Foundation's `XMLParser` on Linux cannot survive: it traps (ends the process) on a
/// name or comment that is not valid UTF-8 (`<\u{FF}>`) and on a processing instruction
/// without data (`<?x?>`). XML from outside (comment exports, photos' XMP packets) is checked
/// with this before it reaches the parser.
public enum XMLParserInput {
    /// Whether `bytes` are UTF-8 XML the parser can be given: valid UTF-8 without a UTF-16
    /// byte order mark, and no processing instruction without data.
    public static func isReadable(_ bytes: some Collection<UInt8>) -> Bool {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return false }
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        var scanner = EmptyInstructionScanner()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scanner.emptyInstructionEnded(by: scalar, line: 1, column: 1) != nil { return false }
            case .emptyInput:
                return true
            case .error:
                return false
            }
        }
    }
}

/// Follows comments, CDATA sections and processing instructions one scalar at a time, to
/// find processing instructions without data (see ``XMLParserInput``).
public struct EmptyInstructionScanner {
    private enum State { case text, comment, cdata, instruction(hasData: Bool, afterName: Bool) }
    private var state = State.text
    private var recent: [Unicode.Scalar] = []
    private var instructionStart = (line: 1, column: 1)

    public init() {}

    /// The position of `<?` when `scalar`, at `line` and `column`, ends an instruction that has no data.
    public mutating func emptyInstructionEnded(by scalar: Unicode.Scalar, line: Int, column: Int) -> (line: Int, column: Int)? {
        recent.append(scalar)
        if recent.count > 9 { recent.removeFirst(recent.count - 9) }
        switch state {
        case .text:
            if ends(with: "<!--") {
                state = .comment
            } else if ends(with: "<![CDATA[") {
                state = .cdata
            } else if ends(with: "<?") {
                state = .instruction(hasData: false, afterName: false)
                instructionStart = (line, column - 1)
                recent.removeAll()
            }
        case .comment:
            if ends(with: "-->") { state = .text }
        case .cdata:
            if ends(with: "]]>") { state = .text }
        case .instruction(let hasData, let afterName):
            if ends(with: "?>") {
                state = .text
                return hasData ? nil : instructionStart
            }
            if scalar == "?" { return nil }
            if scalar.properties.isWhitespace {
                state = .instruction(hasData: hasData, afterName: true)
            } else if afterName {
                state = .instruction(hasData: true, afterName: true)
            }
        }
        return nil
    }

    private func ends(with text: String) -> Bool {
        recent.reversed().starts(with: text.unicodeScalars.reversed())
    }
}
