import Foundation
import Templates

/// A 128-bit fingerprint of build inputs, stable across runs and machines, so a build
/// can tell whether an article, a template or a page is the same as last time.
///
/// Not cryptographic: it guards against accidents (an edited file), not against an
/// adversary crafting collisions with their own site's files.
public struct Digest: Sendable, Hashable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public static let zero = Digest(high: 0, low: 0)

    public var description: String {
        String(high, radix: 16).leftPadded(to: 16) + String(low, radix: 16).leftPadded(to: 16)
    }

    /// The digest of a byte buffer.
    public static func of(_ data: Data) -> Digest {
        var hasher = DigestHasher()
        hasher.combine(data)
        return hasher.finalize()
    }
}

/// Builds a ``Digest`` from a sequence of values. Each value is framed by its length or a
/// type tag, so `("ab", "c")` and `("a", "bc")` differ.
public struct DigestHasher: Sendable {
    private var a: UInt64 = 0x243F_6A88_85A3_08D3
    private var b: UInt64 = 0x1319_8A2E_0370_7344
    private var count: UInt64 = 0

    public init() {}

    public init(tag: String) {
        combine(tag)
    }

    @inline(__always)
    private mutating func mix(_ word: UInt64) {
        a = (a ^ word) &* 0x9E37_79B9_7F4A_7C15
        a = (a << 31) | (a >> 33)
        b = (b ^ (word &+ 0x632B_E59B_D9B4_E019)) &* 0xBF58_476D_1CE4_E5B9
        b = (b << 29) | (b >> 35)
        a &+= b
        count &+= 1
    }

    public mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        mix(UInt64(bytes.count))
        var offset = 0
        while offset + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        mix(tail)
    }

    public mutating func combine(_ data: Data) {
        data.withUnsafeBytes { combine($0) }
    }

    public mutating func combine(_ string: String) {
        var string = string
        string.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    public mutating func combine(_ string: String?) {
        if let string { mix(1); combine(string) } else { mix(0) }
    }

    public mutating func combine(_ value: Int) { mix(UInt64(bitPattern: Int64(value))) }

    public mutating func combine(_ value: Bool) { mix(value ? 1 : 0) }

    public mutating func combine(_ value: Double) { mix(value.bitPattern) }

    public mutating func combine(_ digest: Digest) {
        mix(digest.high)
        mix(digest.low)
    }

    public func finalize() -> Digest {
        func avalanche(_ x: UInt64) -> UInt64 {
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return Digest(high: avalanche(a ^ count), low: avalanche(b &+ a))
    }
}

extension DigestHasher {
    /// A template value. Dictionary entries are digested one by one and summed, so their
    /// order does not matter and no keys need sorting.
    mutating func combine(_ value: Value) {
        switch value {
        case .null: mix(0x10)
        case .bool(let flag): mix(0x11); combine(flag)
        case .int(let number): mix(0x12); combine(number)
        case .double(let number): mix(0x13); combine(number)
        case .string(let text): mix(0x14); combine(text)
        case .safe(let html): mix(0x15); combine(html)
        case .date(let date): mix(0x16); combine(date.timeIntervalSinceReferenceDate)
        case .array(let items):
            mix(0x17)
            combine(items.count)
            for item in items { combine(item) }
        case .dict(let fields):
            combine(fields: fields.map { ($0.key, $0.value) })
        case .record(let record):
            // As the dictionary with the same entries.
            combine(fields: Array(zip(record.keys.names, record.values)))
        }
    }

    private mutating func combine(fields: [(String, Value)]) {
        mix(0x18)
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
        mix(high)
        mix(low)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
