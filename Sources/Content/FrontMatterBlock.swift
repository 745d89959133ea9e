#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An article file split into its front matter YAML and its Markdown body.
///
/// The file starts with a line `---` (after an optional UTF-8 byte order mark), then the
/// YAML, then another line `---`; everything after that is the body. Line endings may be
/// `\n`, `\r\n` or `\r`; the parts come back with `\n` only.
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
    ///
    /// A lone `\r` is a line ending too, as it is for YAML and Markdown: keeping it would
    /// put YAML error lines past the lines the file has.
    static func normalized(_ text: String) -> String {
        var bytes = Substring(text).utf8
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // Byte scans: Foundation's `contains` would bridge the whole article to NSString.
        let hasCR = bytes.withContiguousStorageIfAvailable { buffer in
            buffer.baseAddress.map { memchr($0, 0x0D, buffer.count) != nil } ?? false
        }
            ?? bytes.contains(UInt8(ascii: "\r"))
        guard hasCR else { return String(Substring(bytes)) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var previousWasCR = false
        for byte in bytes {
            if previousWasCR && byte == UInt8(ascii: "\n") {
                previousWasCR = false
                continue
            }
            previousWasCR = byte == UInt8(ascii: "\r")
            out.append(previousWasCR ? UInt8(ascii: "\n") : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Splits normalized text (see ``normalized(_:)``). Only the front matter is looked at
    /// line by line; the body is taken as one slice.
    static func split(_ text: String) -> Result<FrontMatterBlock, Problem> {
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = text[lineStart..<lineEnd]
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : bytes.endIndex
            if let start = yamlStart {
                if isFence(line) {
                    let yaml = String(text[start..<(lineStart > start ? bytes.index(before: lineStart) : start)])
                    return .success(FrontMatterBlock(
                        yaml: yaml, openingLine: 1, body: String(text[next...]), bodyLine: lineNumber + 1))
                }
            } else {
                guard isFence(line) else { return .failure(.missing) }
                yamlStart = next
            }
            if lineEnd == bytes.endIndex { break }
            lineStart = next
            lineNumber += 1
        }
        return .failure(yamlStart == nil ? .missing : .unclosed)
    }

    private static func isFence(_ line: Substring) -> Bool {
        var bytes = line.utf8[...]
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { bytes = bytes.dropLast() }
        return bytes.elementsEqual("---".utf8)
    }
}
