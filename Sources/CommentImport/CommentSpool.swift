import Comments
import Foundation

/// Keeps the comments read from an export on disk, one file per thread, so that memory
/// does not grow with the export: comments are buffered up to `bufferLimit` bytes in all,
/// then appended to their thread's file. Each record is a run of netstrings
/// (`<length>:<utf-8 bytes>,`): id, parent, author, date in milliseconds, text, rating, status.
final class CommentSpool {
    let directory: URL
    private var buffers: [Int: [UInt8]] = [:]
    private var buffered = 0
    private let bufferLimit: Int

    init(bufferLimit: Int = 4 << 20) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("magbuild-import-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.bufferLimit = bufferLimit
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Stores `comment` for the thread numbered `thread`.
    func append(_ comment: Comment, thread: Int) throws {
        var record: [UInt8] = []
        for field in Self.fields(of: comment) {
            record += Array(String(field.utf8.count).utf8)
            record.append(UInt8(ascii: ":"))
            record += Array(field.utf8)
            record.append(UInt8(ascii: ","))
        }
        buffers[thread, default: []] += record
        buffered += record.count
        if buffered > bufferLimit { try flush() }
    }

    /// Writes every buffer to its thread's file.
    func flush() throws {
        for (thread, bytes) in buffers.sorted(by: { $0.key < $1.key }) {
            let url = file(of: thread)
            if !FileManager.default.fileExists(atPath: url.path) {
                _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: bytes)
        }
        buffers.removeAll(keepingCapacity: false)
        buffered = 0
    }

    /// The comments of thread `thread`, in the order they were stored.
    func comments(of thread: Int) throws -> [Comment] {
        try flush()
        let url = file(of: thread)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let bytes = [UInt8](try Data(contentsOf: url))
        var comments: [Comment] = []
        var reader = NetstringReader(bytes: bytes)
        while !reader.isAtEnd {
            var fields: [String] = []
            for _ in 0..<7 {
                guard let field = reader.next() else { throw SpoolError.corrupt(url.path) }
                fields.append(field)
            }
            guard let comment = Self.comment(from: fields) else { throw SpoolError.corrupt(url.path) }
            comments.append(comment)
        }
        return comments
    }

    private func file(of thread: Int) -> URL {
        directory.appendingPathComponent("\(thread).spool")
    }

    private static func fields(of comment: Comment) -> [String] {
        let milliseconds = Int((comment.date.timeIntervalSince1970 * 1_000).rounded())
        return [comment.id, comment.parent ?? "", comment.author, String(milliseconds), comment.text,
                String(comment.rating), comment.status.rawValue]
    }

    private static func comment(from fields: [String]) -> Comment? {
        guard let milliseconds = Int(fields[3]), let rating = Int(fields[5]),
              let status = Comment.Status(rawValue: fields[6]) else { return nil }
        return Comment(
            id: fields[0], parent: fields[1].isEmpty ? nil : fields[1], author: fields[2],
            date: Date(timeIntervalSince1970: Double(milliseconds) / 1_000), text: fields[4],
            rating: rating, status: status)
    }

    enum SpoolError: Error, CustomStringConvertible {
        case corrupt(String)
        var description: String {
            switch self {
            case .corrupt(let path): "the temporary comment store \(path) is damaged"
            }
        }
    }
}

/// Reads `<length>:<bytes>,` fields.
private struct NetstringReader {
    let bytes: [UInt8]
    var position = 0

    var isAtEnd: Bool { position >= bytes.count }

    mutating func next() -> String? {
        var length = 0
        while position < bytes.count, bytes[position] != UInt8(ascii: ":") {
            let digit = Int(bytes[position]) - 48
            guard (0...9).contains(digit), length < 1 << 40 else { return nil }
            length = length * 10 + digit
            position += 1
        }
        let start = position + 1
        guard start + length < bytes.count, bytes[start + length] == UInt8(ascii: ",") else { return nil }
        position = start + length + 1
        return String(decoding: bytes[start..<start + length], as: UTF8.self)
    }
}
