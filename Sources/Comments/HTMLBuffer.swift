import Basics

/// A growing UTF-8 byte buffer for building HTML one piece at a time.
///
/// Reader text is copied in runs of bytes (one `memcpy` per run instead of work per
/// character) and the buffer is turned into a `String` once.
struct HTMLBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// Appends our own markup.
    mutating func append(_ markup: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: markup.utf8Start, count: markup.utf8CodeUnitCount))
    }

    mutating func append(_ other: HTMLBuffer) {
        bytes.append(contentsOf: other.bytes)
    }

    /// Appends `range` of `source` as it is; the caller has made sure it needs no escaping.
    mutating func append(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[range]))
    }

    /// Appends `range` of `source` with `& < > " '` escaped, which makes the text safe in
    /// element content and quoted attributes.
    mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var runStart = range.lowerBound
        for index in range where Escaping.needsEscaping(source[index]) {
            append(source, runStart..<index)
            appendEntity(for: source[index])
            runStart = index + 1
        }
        append(source, runStart..<range.upperBound)
    }

    /// The character reference for one of `& < > " '`.
    mutating func appendEntity(for byte: UInt8) {
        guard let reference = Escaping.reference(for: byte) else { return }
        append(reference)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
