/// What Foundation's `XMLParser` on Linux cannot survive in a photo's XMP packet: it ends the
/// process on a name or comment that is not valid UTF-8 (`<\u{FF}>`) and on a processing
/// instruction without data (`<?x?>`), also one that a document type declaration's entity
/// hides (`<!ENTITY e "&#60;?x?&#62;">`). The comment importers' `ExportPrecheck` keeps the
/// same from exports, at their `file:line:col`.
enum XMPPacket {
    /// Whether `bytes` are UTF-8 XML that the parser can be given whatever it makes of them:
    /// valid UTF-8 without a UTF-16 byte order mark, no document type declaration or entity
    /// declaration anywhere, and every `<?` anywhere the start of an instruction with a name
    /// and data. These hold in any context, comments and CDATA sections included: the parser
    /// repairs what is broken and reads on, and what it takes for a comment after a repair
    /// need not be what a reader of the bytes takes for one. For small XML from outside (a
    /// photo's XMP packet), which has no reason for any of these.
    static func isReadable(_ bytes: some Collection<UInt8>) -> Bool {
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
