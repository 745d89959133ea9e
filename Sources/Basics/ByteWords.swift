/// Scanning bytes eight at a time: the one home of magbuild's word-at-a-time tests.
///
/// The hot loops that look for a few special bytes in long runs of ordinary text (HTML
/// escaping of every page, reading `comments.json` strings, rendering reader comments) load
/// eight bytes as one `UInt64` and test them all at once, falling back to byte-by-byte work
/// only for a word that holds a special byte. Measured with callgrind on the 1,000-article
/// benchmark when introduced (BENCHMARKS.md, "Comment sections" and "Templates": comment
/// sections 2,134 M → 518 M instructions, template rendering 4.10 G → 1.85 G, with other changes).
public enum ByteWords {
    public static let ones: UInt64 = 0x0101_0101_0101_0101
    public static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The 8 bytes from `index` as one word (the first byte lowest); `index + 8` must not pass the end.
    @inlinable @inline(__always)
    public static func word(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        // Non-empty: the caller checked that eight bytes from `index` are inside the buffer.
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress.unsafelyUnwrapped).loadUnaligned(fromByteOffset: index, as: UInt64.self))
    }

    /// True when some byte of `word` is below `limit`, which must be at most 0x80.
    @inlinable @inline(__always)
    public static func hasByte(_ word: UInt64, below limit: UInt8) -> Bool {
        // A byte below the limit borrows into its high bit; bytes from 0x80 on are masked by ~word.
        (word &- ones &* UInt64(limit)) & ~word & highBits != 0
    }

    /// True when some byte of `word` is `byte`: a byte of `word ^ repeated(byte)` is zero exactly there.
    @inlinable @inline(__always)
    public static func hasByte(_ word: UInt64, equalTo byte: UInt8) -> Bool {
        hasByte(word ^ ones &* UInt64(byte), below: 1)
    }

    /// True when some byte of `word` is 0x80 or above (not ASCII).
    @inlinable @inline(__always)
    public static func hasNonASCII(_ word: UInt64) -> Bool {
        word & highBits != 0
    }
}

extension ByteWords {
    /// Whether `left` and `right` hold the same bytes, compared eight at a time: the keys of
    /// the search's word tables are short, and a call to `memcmp` for each was a tenth of
    /// counting a body's terms (perf, the benchmark's bodies).
    @inlinable
    public static func equal(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        var index = 0
        while index + 8 <= left.count {
            guard word(in: left, at: index) == word(in: right, at: index) else { return false }
            index += 8
        }
        while index < left.count {
            guard left[index] == right[index] else { return false }
            index += 1
        }
        return true
    }
}
