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
    private(set) var bytes: [UInt8]

    /// A writer whose bytes start with `header`.
    init(_ header: [UInt8] = []) {
        bytes = header
        bytes.reserveCapacity(1 << 20)
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
        for value in values { value.write(to: &self) }
    }

    mutating func write(_ values: [String]) {
        write(values.count)
        for value in values { write(value) }
    }
}

struct CacheReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ data: Data) { bytes = [UInt8](data) }

    var isAtEnd: Bool { offset == bytes.count }

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

    mutating func bool() throws -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw CacheFormatError() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw CacheFormatError() }
        defer { offset += count }
        return try bytes.withUnsafeBufferPointer { buffer in
            guard let text = String(validating: buffer[offset..<offset + count], as: UTF8.self) else { throw CacheFormatError() }
            return text
        }
    }

    mutating func optionalString() throws -> String? { try bool() ? try string() : nil }

    mutating func strings() throws -> [String] {
        try (0..<count()).map { _ in try string() }
    }

    mutating func read<T: CacheCodable>(_ type: T.Type = T.self) throws -> T { try T(from: &self) }

    mutating func optional<T: CacheCodable>(_ type: T.Type = T.self) throws -> T? { try bool() ? try T(from: &self) : nil }

    mutating func array<T: CacheCodable>(_ type: T.Type = T.self) throws -> [T] {
        try (0..<count()).map { _ in try T(from: &self) }
    }

    /// An element count, checked against the bytes left (every element takes at least one).
    private mutating func count() throws -> Int {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw CacheFormatError() }
        return count
    }
}
