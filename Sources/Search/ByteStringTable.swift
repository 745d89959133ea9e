import Basics
import Foundation

/// Byte strings numbered in the order they are first added, and found again by their bytes.
///
/// Counting an article's words and gathering every article's terms into posting lists both
/// look up one key per word. With a `[String: Int]` there, making and hashing a String for
/// each of the benchmark's ten million words took twice as long as rendering the Markdown
/// (perf, 10,000 articles); here a key is hashed from its bytes (FNV-1a) and kept once in
/// one byte array, and a lookup allocates nothing. A slot holds the key's number and the
/// high half of its hash, so a probe reads the slots alone until a key is likely the one
/// (one array rather than three; counting a body's terms took a fifth less time).
struct ByteStringTable: Sendable {
    /// Every key's bytes, back to back: key `n` ends at `ends[n]`.
    private var storage: [UInt8] = []
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// Open addressing: a key's number plus one in the low half, the high half of its hash in
    /// the high half; 0 for an empty slot. The length is a power of two.
    private var slots: [UInt64]
    /// A count for each key (``count(_:adding:)``).
    private(set) var counts: [Int] = []

    init(capacity: Int = 32) {
        var size = 64
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
    }

    /// How many keys the table has.
    var count: Int { ends.count }

    /// The number of `key`, which is added when the table does not have it yet.
    mutating func number(of key: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(key)
        let (slot, found) = probe(key, hash: hash)
        if let found { return found }
        let number = ends.count
        storage.append(contentsOf: key)
        ends.append(storage.count)
        hashes.append(hash)
        counts.append(0)
        slots[slot] = Self.slot(number: number, hash: hash)
        if ends.count * 2 > slots.count { grow() }
        return number
    }

    /// The number of `key`, nil when the table does not have it.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        probe(key, hash: Self.hash(key)).number
    }

    /// The number of `key`, or the empty slot where it belongs.
    private func probe(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, number: Int?) {
        let mask = slots.count - 1
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return (slot, nil) }
            if entry >> 32 == tag {
                let number = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if equals(number, key) { return (slot, number) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// Adds `amount` to the count of `key` (added when new).
    mutating func count(_ key: UnsafeBufferPointer<UInt8>, adding amount: Int) {
        counts[number(of: key)] += amount
    }

    /// Calls `body` with the bytes of key `number`.
    func withKey<Result>(_ number: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let start = number == 0 ? 0 : ends[number - 1]
        return storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<ends[number]])) }
    }

    /// Key `number` as a String.
    func string(_ number: Int) -> String {
        withKey(number) { String(decoding: $0, as: UTF8.self) }
    }

    /// Sorts key numbers in the order of their keys' bytes: by their first eight bytes as one
    /// integer (keys hold no zero bytes, so a short key's padding sorts it first), then by
    /// the rest where those are equal, rather than comparing bytes in every step.
    func sortByKey(_ numbers: inout [Int]) {
        storage.withUnsafeBufferPointer { bytes in
            var keyed = numbers.map { number in (prefix: Self.prefix(key(number, in: bytes)), number: number) }
            keyed.sort { left, right in
                left.prefix != right.prefix ? left.prefix < right.prefix
                    : Self.precedes(key(left.number, in: bytes), key(right.number, in: bytes))
            }
            numbers = keyed.map(\.number)
        }
    }

    /// A key's first eight bytes as one integer, in their order (keys hold no zero bytes, so
    /// a short key's padding sorts it first).
    static func prefix(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var prefix: UInt64 = 0
        for index in 0..<8 { prefix = prefix << 8 | UInt64(index < key.count ? key[index] : 0) }
        return prefix
    }

    /// Whether key `left` comes before key `right` in the order of their bytes.
    func precedes(_ left: Int, _ right: Int) -> Bool {
        storage.withUnsafeBufferPointer { Self.precedes(key(left, in: $0), key(right, in: $0)) }
    }

    private func key(_ number: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[(number == 0 ? 0 : ends[number - 1])..<ends[number]])
    }

    /// Whether `left` comes before `right` byte by byte (a prefix first).
    static func precedes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        let shared = min(left.count, right.count)
        if shared > 0, let a = left.baseAddress, let b = right.baseAddress {
            let order = memcmp(a, b, shared)
            if order != 0 { return order < 0 }
        }
        return left.count < right.count
    }

    private func equals(_ number: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = number == 0 ? 0 : ends[number - 1]
        guard ends[number] - start == key.count else { return false }
        return storage.withUnsafeBufferPointer { ByteWords.equal(UnsafeBufferPointer(rebasing: $0[start..<start + key.count]), key) }
    }

    private static func slot(number: Int, hash: UInt64) -> UInt64 {
        hash & 0xFFFF_FFFF_0000_0000 | UInt64(truncatingIfNeeded: number + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for number in 0..<ends.count {
            var slot = Int(truncatingIfNeeded: hashes[number]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Self.slot(number: number, hash: hashes[number])
        }
    }

    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        // The low bits pick the slot: mix the high ones in.
        return hash ^ hash >> 29
    }
}
