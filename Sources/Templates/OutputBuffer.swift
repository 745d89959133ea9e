import Basics
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
        Escaping.forEachEscapedRun(source) { append($0) }
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
