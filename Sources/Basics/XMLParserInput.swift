/// What Foundation's `XMLParser` on Linux cannot survive: it ends the process on a name or
/// comment that is not valid UTF-8 (`<\u{FF}>`) and on a processing instruction without data
/// (`<?x?>`), also one that a document type declaration's entity hides
/// (`<!ENTITY e "&#60;?x?&#62;">`). XML from outside (comment exports, photos' XMP packets)
/// is checked with this before it reaches the parser.
public enum XMLParserInput {
    /// Whether `bytes` are UTF-8 XML that the parser can be given whatever it makes of them:
    /// valid UTF-8 without a UTF-16 byte order mark, no document type declaration or entity
    /// declaration anywhere, and every `<?` anywhere the start of an instruction with a name
    /// and data. These hold in any context, comments and CDATA sections included: the parser
    /// repairs what is broken and reads on, and what it takes for a comment after a repair
    /// need not be what a reader of the bytes takes for one. For small XML from outside (a
    /// photo's XMP packet), which has no reason for any of these.
    public static func isReadable(_ bytes: some Collection<UInt8>) -> Bool {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return false }
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        var scalars: [Unicode.Scalar] = []
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: return hasOnlyNamedInstructionsWithData(scalars) && !contains(scalars, "<!DOCTYPE") && !contains(scalars, "<!ENTITY")
            case .error: return false
            }
        }
    }

    /// Whether a parser error (libxml2's code) breaks the document. Namespace errors (codes
    /// 200–299: a prefix never declared, as Disqus writes `dsq:`) leave the XML as it is.
    public static func breaksDocument(errorCode code: Int) -> Bool {
        !(200..<300).contains(code)
    }

    /// Whether every `<?` in `scalars` is followed by a name, white space and data before its `?>`.
    private static func hasOnlyNamedInstructionsWithData(_ scalars: [Unicode.Scalar]) -> Bool {
        var index = 0
        while index + 1 < scalars.count {
            guard scalars[index] == "<", scalars[index + 1] == "?" else {
                index += 1
                continue
            }
            var position = index + 2
            guard position < scalars.count, isNameStart(scalars[position]) else { return false }
            while position < scalars.count, isNameStart(scalars[position]) || "-.0123456789".unicodeScalars.contains(scalars[position]) {
                position += 1
            }
            guard position < scalars.count, scalars[position].properties.isWhitespace else { return false }
            while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
            // Data: something before the closing `?>` (or the end).
            if position + 1 < scalars.count, scalars[position] == "?", scalars[position + 1] == ">" { return false }
            index = position
        }
        return true
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar == ":" || scalar.properties.isAlphabetic
    }

    private static func contains(_ scalars: [Unicode.Scalar], _ text: String) -> Bool {
        let pattern = Array(text.unicodeScalars)
        guard scalars.count >= pattern.count else { return false }
        return (0...(scalars.count - pattern.count)).contains { scalars[$0..<$0 + pattern.count].elementsEqual(pattern) }
    }
}

/// Follows comments, CDATA sections and processing instructions one scalar at a time, to find
/// what the parser cannot survive in markup (see ``XMLParserInput``): a processing instruction
/// without data, and a document type declaration, whose entities can hold one out of sight.
/// Inside comments and CDATA sections both are text.
public struct XMLHazardScanner {
    public enum Hazard: Sendable, Equatable {
        case emptyInstruction
        /// `<?` not followed by a name: the parser repairs it and reads on, and may then take
        /// what follows for an instruction this scanner counts as data (`<? <?x?>`).
        case unnamedInstruction
        case documentType
    }

    private enum State { case text, comment, cdata, instructionStart, instruction(hasData: Bool, afterName: Bool) }
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
                state = .instructionStart
                instructionStart = (line, column - 1)
                recent.removeAll()
            }
        case .instructionStart:
            guard scalar == "_" || scalar == ":" || scalar.properties.isAlphabetic else {
                return (.unnamedInstruction, instructionStart.line, instructionStart.column)
            }
            state = .instruction(hasData: false, afterName: false)
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
