/// What Foundation's `XMLParser` on Linux cannot survive: it ends the process on a name or
/// comment that is not valid UTF-8 (`<\u{FF}>`) and on a processing instruction without data
/// (`<?x?>`), also one that a document type declaration's entity hides
/// (`<!ENTITY e "&#60;?x?&#62;">`). XML from outside (comment exports, photos' XMP packets)
/// is checked with this before it reaches the parser.
public enum XMLParserInput {
    /// Whether `bytes` are UTF-8 XML the parser can be given: valid UTF-8 without a UTF-16
    /// byte order mark, no processing instruction without data and no document type
    /// declaration (see ``XMLHazardScanner``).
    public static func isReadable(_ bytes: some Collection<UInt8>) -> Bool {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return false }
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        var scanner = XMLHazardScanner()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scanner.hazard(endedBy: scalar, line: 1, column: 1) != nil { return false }
            case .emptyInput:
                return true
            case .error:
                return false
            }
        }
    }

    /// Whether a parser error (libxml2's code) breaks the document: past one, a parser given
    /// all its data at once reads on, repairing, where these checks no longer see what it
    /// sees, so its reader stops it there. Namespace errors (codes 200–299: a prefix never
    /// declared, as Disqus writes `dsq:`) leave the XML as it is.
    public static func breaksDocument(errorCode code: Int) -> Bool {
        !(200..<300).contains(code)
    }
}

/// Follows comments, CDATA sections and processing instructions one scalar at a time, to find
/// what the parser cannot survive in markup (see ``XMLParserInput``): a processing instruction
/// without data, and a document type declaration, whose entities can hold one out of sight.
/// Inside comments and CDATA sections both are text.
public struct XMLHazardScanner {
    public enum Hazard: Sendable, Equatable {
        case emptyInstruction
        case documentType
    }

    private enum State { case text, comment, cdata, instruction(hasData: Bool, afterName: Bool) }
    private var state = State.text
    private var recent: [Unicode.Scalar] = []
    private var instructionStart = (line: 1, column: 1)
    /// Where the last `<` outside comments and CDATA sections was.
    private var lastOpening = (line: 1, column: 1)

    public init() {}

    /// The hazard that `scalar`, at `line` and `column`, completes, with the position of its `<`.
    public mutating func hazard(endedBy scalar: Unicode.Scalar, line: Int, column: Int) -> (Hazard, line: Int, column: Int)? {
        recent.append(scalar)
        if recent.count > 9 { recent.removeFirst(recent.count - 9) }
        switch state {
        case .text:
            if scalar == "<" { lastOpening = (line, column) }
            if ends(with: "<!--") {
                state = .comment
            } else if ends(with: "<![CDATA[") {
                state = .cdata
            } else if ends(with: "<!DOCTYPE") {
                return (.documentType, lastOpening.line, lastOpening.column)
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
                return hasData ? nil : (.emptyInstruction, instructionStart.line, instructionStart.column)
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
