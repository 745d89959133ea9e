import Foundation

/// The build cache's file format: a fixed header, then fields as little-endian variable-length
/// integers and length-prefixed UTF-8, written and read by hand for each type. A cache of
/// 10,000 articles reads and writes in a few tens of milliseconds, where Foundation's JSON or
/// property-list coders take seconds.
protocol CacheCodable {
    init(from reader: inout CacheReader) throws
    func write(to writer: inout CacheWriter)
}

/// A cache file that cannot be read: the build ignores the cache then.
struct CacheFormatError: Error {}

struct CacheWriter {
    /// What is written and not yet passed on to ``file``.
    private(set) var bytes: [UInt8]
    /// Where a long array's bytes go a few megabytes at a time, so that a large cache (the
    /// search terms make 10,000 articles' cache 70 MB) is never all in memory.
    private let file: (descriptor: Int32, path: String)?
    private var failure: (any Error)?

    /// A writer whose bytes start with `header`; with `file`, ``finish()`` writes them there.
    init(_ header: [UInt8] = [], streamingTo file: (descriptor: Int32, path: String)? = nil) {
        bytes = header
        self.file = file
        bytes.reserveCapacity(1 << 20)
    }

    /// Writes what is left to the file.
    /// - Throws: `OutputError` when the file could not be written.
    mutating func finish() throws {
        spill()
        if let failure { throw failure }
    }

    private mutating func spill() {
        guard file != nil else { return }  // a writer in memory keeps its bytes
        pass(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes `block` to the file (after an earlier failure, nothing).
    private mutating func pass(_ block: [UInt8]) {
        guard let file, failure == nil else { return }
        do {
            try block.withUnsafeBytes { try FilePaths.write($0, to: file.descriptor, path: file.path) }
        } catch {
            failure = error
        }
    }

    mutating func write(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }
    mutating func write(_ value: Int64) { write(UInt64(bitPattern: value)) }
    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func write(_ value: Double) { write(value.bitPattern) }

    mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write(bytes value: [UInt8]) {
        write(value.count)
        guard file != nil, value.count >= Self.spillSize else {
            bytes.append(contentsOf: value)
            return
        }
        // A large block (the quick check's walk: 25 MB at N=100,000) goes to the file as it is,
        // not through the buffer.
        spill()
        pass(value)
    }

    mutating func write<T: CacheCodable>(_ value: T) { value.write(to: &self) }

    mutating func write<T: CacheCodable>(_ value: T?) {
        write(value != nil)
        value?.write(to: &self)
    }

    mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write<T: CacheCodable>(_ values: [T]) {
        write(values.count)
        for value in values {
            value.write(to: &self)
            spillIfLarge()
        }
    }

    mutating func write(_ values: [String]) {
        write(values.count)
        for value in values {
            write(value)
            spillIfLarge()
        }
    }

    /// Passes the bytes on to the file once they are a few megabytes.
    mutating func spillIfLarge() {
        if file != nil, bytes.count >= Self.spillSize { spill() }
    }

    /// How many bytes the writer holds before passing them on.
    private static let spillSize = 1 << 22

    /// Writes the file at `path` a few megabytes at a time: `header`, then what `body` writes,
    /// under a temporary name that replaces `path` when all is written.
    /// - Throws: `OutputError` when the file could not be written.
    static func writeFile(_ path: String, header: [UInt8], _ body: (inout CacheWriter) -> Void) throws {
        let temporary = path + ".magbuild-tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError.writeFailed("\(temporary): \(String(cString: strerror(errno)))") }
        var writer = CacheWriter(header, streamingTo: (descriptor, temporary))
        body(&writer)
        do {
            try writer.finish()
            close(descriptor)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw OutputError.writeFailed("\(path): rename failed (errno \(errno))")
        }
    }
}

/// Reads what ``CacheWriter`` wrote. The file may be corrupt, truncated or made by someone
/// else: every count and length is checked against the bytes left before anything is
/// allocated for it, and numbers that later code computes with are kept in range, so that a
/// bad file throws ``CacheFormatError`` and never makes the build crash or run out of memory.
struct CacheReader {
    /// The largest size, count or line number a cache holds (2^48): sums of them cannot overflow.
    static let maxNatural = 1 << 48
    /// Dates between the years 1 and 9999 (seconds since 2001): what front matter can hold.
    static let dateRange = -63_113_904_000.0...252_423_993_600.0
    /// Elements reserved ahead at most; longer arrays grow as their elements are read.
    private static let maxReserved = 4096

    private let bytes: [UInt8]
    private var offset = 0

    init(_ data: Data) { bytes = [UInt8](data) }
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    private var remaining: Int { bytes.count - offset }

    mutating func uint64() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw CacheFormatError() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws -> Int { Int(Int64(bitPattern: try uint64())) }
    mutating func int64() throws -> Int64 { Int64(bitPattern: try uint64()) }
    mutating func double() throws -> Double { Double(bitPattern: try uint64()) }

    /// A size, count or line number: 0...``maxNatural``.
    mutating func natural() throws -> Int {
        let value = try uint64()
        guard value <= UInt64(Self.maxNatural) else { throw CacheFormatError() }
        return Int(value)
    }

    /// A date within ``dateRange``, as seconds since `reference` (2001 or 1970).
    mutating func date(since reference: Date = Date(timeIntervalSinceReferenceDate: 0)) throws -> Date {
        let seconds = try double()
        let sinceReference = seconds + reference.timeIntervalSinceReferenceDate
        guard Self.dateRange.contains(sinceReference) else { throw CacheFormatError() }
        return Date(timeIntervalSinceReferenceDate: sinceReference)
    }

    mutating func bool() throws -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw CacheFormatError() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func string() throws -> String {
        let count = try length(elementSize: 1)
        defer { offset += count }
        return try bytes.withUnsafeBufferPointer { buffer in
            guard let text = String(validating: buffer[offset..<offset + count], as: UTF8.self) else { throw CacheFormatError() }
            return text
        }
    }

    mutating func byteArray() throws -> [UInt8] {
        let count = try length(elementSize: 1)
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    mutating func strings() throws -> [String] {
        try elements(minimumSize: 1) { try $0.string() }
    }

    mutating func read<T: CacheCodable>(_ type: T.Type = T.self) throws -> T { try T(from: &self) }

    mutating func optional<T: CacheCodable>(_ type: T.Type = T.self) throws -> T? { try bool() ? try T(from: &self) : nil }

    mutating func array<T: CacheCodable>(_ type: T.Type = T.self) throws -> [T] {
        try elements(minimumSize: 1) { try T(from: &$0) }
    }

    /// A count followed by that many elements of at least `minimumSize` bytes each.
    mutating func elements<T>(minimumSize: Int, _ element: (inout CacheReader) throws -> T) throws -> [T] {
        let count = try length(elementSize: minimumSize)
        var elements: [T] = []
        elements.reserveCapacity(min(count, Self.maxReserved))
        for _ in 0..<count { elements.append(try element(&self)) }
        return elements
    }

    /// A count of elements of at least `elementSize` bytes each, which must fit in the bytes left.
    private mutating func length(elementSize: Int) throws -> Int {
        let count = try uint64()
        guard count <= UInt64(remaining / elementSize) else { throw CacheFormatError() }
        return Int(count)
    }
}

/// What a cache file holds: the build uses only a ``value``; it ignores a file of another
/// format quietly (an older magbuild wrote it) and an unreadable one with a note.
enum CacheContents<Value> {
    case value(Value)
    case otherFormat
    case unreadable

    var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }
}
