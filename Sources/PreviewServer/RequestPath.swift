/// A request path checked and decoded into a path inside the site, or refused.
///
/// The output lives in memory, so there is no file system to escape into; the
/// rules still refuse anything that could mean "outside the site" when the same
/// URL is served from disk later: `.` and `..` segments (also percent-encoded),
/// encoded slashes and backslashes, NUL bytes, malformed escapes, and paths that
/// do not start with `/`.
enum RequestPath: Equatable {
    /// Segments inside the site (decoded, never empty, `.` or `..`); `directory` when the path ended in `/`.
    case site(segments: [String], directory: Bool)
    /// A path that tries to leave the site or cannot be decoded.
    case refused

    init(raw: String) {
        guard raw.hasPrefix("/") else {
            self = .refused
            return
        }
        var segments: [String] = []
        for part in raw.split(separator: "/", omittingEmptySubsequences: true) {
            guard let decoded = Self.percentDecoded(part), Self.isAllowed(decoded) else {
                self = .refused
                return
            }
            segments.append(decoded)
        }
        self = .site(segments: segments, directory: raw.hasSuffix("/") || segments.isEmpty)
    }

    /// The segment's bytes with `%XX` escapes decoded, as UTF-8; `nil` when malformed.
    static func percentDecoded(_ part: Substring) -> String? {
        var bytes: [UInt8] = []
        var utf8 = part.utf8.makeIterator()
        while let byte = utf8.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = utf8.next().flatMap(Self.hexValue), let low = utf8.next().flatMap(Self.hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func isAllowed(_ segment: String) -> Bool {
        if segment == "." || segment == ".." { return false }
        return !segment.utf8.contains { $0 == 0 || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
