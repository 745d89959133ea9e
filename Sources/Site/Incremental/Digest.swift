import CXXHash
import Foundation
import Templates

/// A 128-bit fingerprint of build inputs, stable across runs and machines, so a build
/// can tell whether an article, a template or a page is the same as last time: the XXH3-128
/// hash (xxhash 0.8, seed 0) of the inputs' bytes.
///
/// Not cryptographic: it guards against accidents (an edited file), not against an
/// adversary crafting collisions with their own site's files.
public struct Digest: Sendable, Hashable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public static let zero = Digest(high: 0, low: 0)

    /// As `xxh128sum` prints it: the high half, then the low half, in hexadecimal.
    public var description: String {
        String(high, radix: 16).leftPadded(to: 16) + String(low, radix: 16).leftPadded(to: 16)
    }

    /// The XXH3-128 hash of `data`'s bytes (unframed: the same as `xxh128sum` prints).
    public static func of(_ data: Data) -> Digest {
        data.withUnsafeBytes { of($0) }
    }

    /// The XXH3-128 hash of `bytes`.
    public static func of(_ bytes: UnsafeRawBufferPointer) -> Digest {
        Digest(XXH3_128bits(bytes.baseAddress, bytes.count))
    }
}

extension Digest {
    init(_ hash: XXH128_hash_t) {
        self.init(high: hash.high64, low: hash.low64)
    }
}

/// Builds a ``Digest`` from a sequence of values: the XXH3-128 hash of their framed bytes.
/// Each value is framed by its length or a type tag, so `("ab", "c")` and `("a", "bc")` differ.
///
/// Page keys combine many small values, so they are gathered in a local buffer and handed to
/// XXH3 in chunks; a small input is hashed in one call at the end, without a streaming state.
public struct DigestHasher: Sendable {
    private var buffer = DigestBuffer()

    public init() {}

    public init(tag: String) {
        combine(tag)
    }

    /// Appends a word in little-endian byte order.
    @inline(__always)
    private mutating func word(_ value: UInt64) {
        buffer.append(value.littleEndian)
    }

    @inline(__always)
    private mutating func tag(_ value: UInt8) {
        buffer.append(value)
    }

    /// The bytes, framed by their count.
    public mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(UInt64(bytes.count).littleEndian)
        buffer.append(bytes)
    }

    public mutating func combine(_ data: Data) {
        data.withUnsafeBytes { combine($0) }
    }

    public mutating func combine(_ string: String) {
        var string = string
        string.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    public mutating func combine(_ string: String?) {
        if let string { tag(1); combine(string) } else { tag(0) }
    }

    public mutating func combine(_ value: Int) { word(UInt64(bitPattern: Int64(value))) }

    public mutating func combine(_ value: Bool) { tag(value ? 1 : 0) }

    public mutating func combine(_ value: Double) { word(value.bitPattern) }

    public mutating func combine(_ digest: Digest) {
        word(digest.high)
        word(digest.low)
    }

    /// The digest of everything combined so far (the hasher may go on afterwards).
    public func finalize() -> Digest {
        buffer.digest()
    }
}

extension DigestHasher {
    /// A template value. A dictionary's entries are digested one by one and summed, so their
    /// order does not matter and no keys need sorting; a record's keys have a fixed order, so
    /// its entries are combined in that order, in this hasher (keying the pages of a large site
    /// is mostly records: digesting each entry apart was a tenth of an incremental build).
    mutating func combine(_ value: Value) {
        switch value {
        case .null: tag(0x10)
        case .bool(let flag): tag(0x11); combine(flag)
        case .int(let number): tag(0x12); combine(number)
        case .double(let number): tag(0x13); combine(number)
        case .string(let text): tag(0x14); combine(text)
        case .safe(let html): tag(0x15); combine(html)
        case .date(let date): tag(0x16); combine(date.timeIntervalSinceReferenceDate)
        case .array(let items):
            tag(0x17)
            combine(items.count)
            for item in items { combine(item) }
        case .dict(let fields):
            tag(0x18)
            combine(fields.count)
            var high: UInt64 = 0, low: UInt64 = 0
            for (key, field) in fields {
                var entry = DigestHasher()
                entry.combine(key)
                entry.combine(field)
                let digest = entry.finalize()
                high &+= digest.high
                low &+= digest.low
            }
            word(high)
            word(low)
        case .record(let record):
            tag(0x19)
            combine(record.values.count)
            for (key, field) in zip(record.keys.names, record.values) {
                combine(key)
                combine(field)
            }
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
