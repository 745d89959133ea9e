import Foundation

/// Strong ETags from the content of a response, and `If-None-Match` matching.
enum EntityTag {
    /// `"<fnv-1a 64 hex>-<length hex>"`: the same bytes always give the same tag.
    static func of(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { buffer in
            for byte in buffer {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        return "\"" + String(hash, radix: 16) + "-" + String(data.count, radix: 16) + "\""
    }

    /// Whether an `If-None-Match` header value names `tag` (weak comparison, as RFC 9110 asks).
    static func matches(ifNoneMatch header: String?, tag: String) -> Bool {
        guard let header else { return false }
        let plain = strippedWeak(tag)
        for candidate in header.split(separator: ",") {
            let trimmed = candidate.trimmingCharacters(in: .whitespaces)
            if trimmed == "*" || strippedWeak(trimmed) == plain { return true }
        }
        return false
    }

    private static func strippedWeak(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }
}
