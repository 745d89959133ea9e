/// Compares the `Character` count of comment text with a limit, mostly without
/// grapheme breaking.
///
/// Between two scalars below U+0300 there is always a grapheme boundary, except within
/// CR LF (the standard library's grapheme breaking relies on the same rule). So for such
/// text the count is the number of scalars minus the CR LF pairs, which the UTF-8 bytes
/// tell directly. Appending text never lowers the count of what came before, so a prefix
/// that is already too long settles the answer. Other text asks the standard library,
/// which walks at most `limit + 1` characters.
enum CharacterCount {
    /// `text.count > limit`.
    static func exceeds(_ text: String, _ limit: Int) -> Bool {
        if limit < 0 { return true }
        // A character takes at least one byte.
        if text.utf8.count <= limit { return false }
        var copy = text
        let plainCount: Int? = copy.withUTF8 { bytes in
            var count = 0
            var previous: UInt8 = 0
            for byte in bytes {
                // Lead bytes from 0xCC on start scalars from U+0300 on.
                if byte >= 0xCC { return nil }
                if byte & 0xC0 != 0x80 && !(byte == 0x0A && previous == 0x0D) {
                    count += 1
                    if count > limit { return count }
                }
                previous = byte
            }
            return count
        }
        if let plainCount { return plainCount > limit }
        guard let afterLimit = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex) else { return false }
        return afterLimit != text.endIndex
    }
}
