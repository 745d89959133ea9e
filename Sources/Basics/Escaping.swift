/// Escaping for HTML and XML, once for every module: the byte-level scanner the template engine,
/// the comment renderer and the machine-readable files share.
public enum Escaping {
    /// `text` with `& < > " '` replaced by character references, which makes it safe in
    /// element content and in quoted attribute values alike.
    public static func html(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            var out: [UInt8] = []
            out.reserveCapacity(source.count + 16)
            forEachEscapedRun(source) { out.append(contentsOf: $0) }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Calls `emit` with the pieces of `source` HTML-escaped, in order: runs of bytes that
    /// need no escaping, copied from `source`, and the references for `& < > " '`. Scans
    /// eight bytes at a time while none of them is special.
    @inlinable
    public static func forEachEscapedRun(_ source: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard source.baseAddress != nil else { return }
        var runStart = 0
        var position = 0
        while position < source.count {
            var end = source.count
            if position + 8 <= source.count {
                let word = ByteWords.word(in: source, at: position)
                guard hasSpecialByte(word) else {
                    position += 8
                    continue
                }
                end = position + 8
            }
            while position < end {
                let byte = source[position]
                position += 1
                // Every special character is at most '>' (0x3E): most bytes leave here.
                guard byte <= 0x3E, let reference = reference(for: byte) else { continue }
                if runStart < position - 1 { emit(UnsafeBufferPointer(rebasing: source[runStart..<position - 1])) }
                emit(UnsafeBufferPointer(start: reference.utf8Start, count: reference.utf8CodeUnitCount))
                runStart = position
            }
        }
        if runStart < source.count { emit(UnsafeBufferPointer(rebasing: source[runStart...])) }
    }

    /// The character reference for one of `& < > " '`; nil for any other byte.
    @inlinable @inline(__always)
    public static func reference(for byte: UInt8) -> StaticString? {
        switch byte {
        case 0x26: return "&amp;"
        case 0x3C: return "&lt;"
        case 0x3E: return "&gt;"
        case 0x22: return "&quot;"
        case 0x27: return "&#39;"
        default: return nil
        }
    }

    /// True for `& < > " '`.
    @inlinable @inline(__always)
    public static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 0x40 && (escapedBelow0x40 >> UInt64(byte)) & 1 != 0
    }

    /// Bit n is set when byte n (below 0x40) needs escaping.
    @usableFromInline static let escapedBelow0x40: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E

    /// Whether one of the eight bytes in `word` is `& < > " '`.
    @inlinable @inline(__always)
    static func hasSpecialByte(_ word: UInt64) -> Bool {
        ByteWords.hasByte(word, equalTo: 0x26) || ByteWords.hasByte(word, equalTo: 0x3C) || ByteWords.hasByte(word, equalTo: 0x3E)
            || ByteWords.hasByte(word, equalTo: 0x22) || ByteWords.hasByte(word, equalTo: 0x27)
    }

    /// `text` escaped for XML 1.0 text and attributes (feeds, sitemaps): `& < > " '` as
    /// `&amp; &lt; &gt; &quot; &apos;`, control characters other than tab and line breaks dropped.
    public static func xml(_ text: String) -> String {
        let bytes = text.utf8
        let needsWork = bytes.contains { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        guard needsWork else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&apos;".utf8)
            // Control characters other than tab and line breaks are not allowed in XML 1.0.
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case ..<0x20: continue
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-encodes everything but `A–Z a–z 0–9 - . _ ~` (and `/` when `keepSlash`).
    public static func percentEncoded(_ text: String, keepSlash: Bool) -> String {
        percentEncoded(text, keeping: keepSlash ? .unreservedAndSlash : .unreserved)
    }

    /// `path` as a URL path: percent-encodes everything but the characters a path may hold as
    /// they are (`A–Z a–z 0–9 - . _ ~ / ! $ & ' ( ) * + = : @`, the set Foundation calls
    /// `urlPathAllowed`), and also `,` and `;`, which separate a `srcset`'s candidates and
    /// their descriptors. A path with nothing to encode is returned as it is.
    public static func percentEncodedPath(_ path: String) -> String {
        percentEncoded(path, keeping: .path)
    }

    /// The ASCII bytes a percent encoding keeps, as a 128-bit set.
    private struct KeptBytes {
        let low: UInt64, high: UInt64

        init(_ characters: String) {
            var low: UInt64 = 0, high: UInt64 = 0
            for byte in characters.utf8 {
                if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
            }
            self.low = low
            self.high = high
        }

        func contains(_ byte: UInt8) -> Bool {
            byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte - 64)) != 0
        }

        static let unreserved = KeptBytes("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        static let unreservedAndSlash = KeptBytes("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")
        static let path = KeptBytes("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/!$&'()*+=:@")
    }

    private static func percentEncoded(_ text: String, keeping kept: KeptBytes) -> String {
        guard !text.utf8.allSatisfy(kept.contains) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 2)
        for byte in text.utf8 {
            if kept.contains(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
