import Foundation

/// The growing output of one render: UTF-8 bytes in one block of memory, appended to in
/// place.
///
/// Text, escaped values and safe HTML are copied straight into the block (a `memcpy` per
/// piece); the result becomes a `String` or `Data` once, at the end. Escaping scans bytes,
/// eight at a time, and copies the runs between special characters in one go. Each buffer
/// belongs to one render on one thread.
final class OutputBuffer {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 0) {
        self.capacity = max(capacity, 256)
        storage = .allocate(capacity: self.capacity)
    }

    deinit {
        storage.deallocate()
    }

    /// The output as text.
    var string: String {
        String(decoding: UnsafeBufferPointer(start: storage, count: count), as: UTF8.self)
    }

    /// The output as UTF-8 bytes. Every piece appended was valid UTF-8, so they are too.
    var data: Data {
        Data(UnsafeBufferPointer(start: storage, count: count))
    }

    /// Appends `text` as it is.
    func append(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append($0) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { append($0) } }
    }

    /// Appends `text` HTML-escaped: `& < > " '` become character references, which makes it
    /// safe in element content and in quoted attribute values alike.
    func appendEscaped(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0) } }
    }

    private func appendEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = UnsafeRawPointer(source.baseAddress) else { return }
        var runStart = 0
        var position = 0
        while position < source.count {
            // Eight bytes at a time while none of them is special, then those eight one by one.
            var end = source.count
            if position + 8 <= source.count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                guard Self.hasSpecialByte(word) else {
                    position += 8
                    continue
                }
                end = position + 8
            }
            while position < end {
                let byte = source[position]
                position += 1
                // Every special character is at most '>' (0x3E): most bytes leave here.
                guard byte <= 0x3E else { continue }
                let reference: StaticString
                switch byte {
                case 0x26: reference = "&amp;"
                case 0x3C: reference = "&lt;"
                case 0x3E: reference = "&gt;"
                case 0x22: reference = "&quot;"
                case 0x27: reference = "&#39;"
                default: continue
                }
                if runStart < position - 1 { append(UnsafeBufferPointer(rebasing: source[runStart..<position - 1])) }
                append(UnsafeBufferPointer(start: reference.utf8Start, count: reference.utf8CodeUnitCount))
                runStart = position
            }
        }
        if runStart < source.count { append(UnsafeBufferPointer(rebasing: source[runStart...])) }
    }

    /// Whether one of the eight bytes in `word` is `& < > " '`: for each, a byte of
    /// `word ^ repeated(c)` is zero exactly where `word` has `c`.
    @inline(__always)
    private static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        return hasZeroByte(word ^ (ones &* 0x26)) || hasZeroByte(word ^ (ones &* 0x3C)) || hasZeroByte(word ^ (ones &* 0x3E))
            || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x27))
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
        (storage + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    private func grow(toHold needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.update(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}
