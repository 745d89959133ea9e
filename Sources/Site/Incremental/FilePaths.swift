import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// File operations on plain path strings for the loops that touch every output file:
/// building a `URL` per file costs more than the system call itself.
enum FilePaths {
    /// `root/relative`, or nil for a relative path that is empty, absolute or steps out with `..`.
    static func join(_ root: String, _ relative: String) -> String? {
        guard isInside(relative) else { return nil }
        return root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    /// Whether a relative path has only proper names between its slashes (no `..`, `.` or empty part).
    static func isInside(_ relative: String) -> Bool {
        var partLength = 0, dots = 0
        for byte in relative.utf8 {
            if byte == UInt8(ascii: "/") {
                if partLength == 0 || partLength == dots { return false }
                partLength = 0
                dots = 0
            } else {
                partLength += 1
                if byte == UInt8(ascii: "."), dots == partLength - 1 { dots += 1 }
            }
        }
        return partLength > 0 && partLength != dots
    }

    /// `relative` with empty parts dropped (`/a//b` → `a/b`), or nil if it is empty or has `.` or `..` parts.
    static func normalized(_ relative: String) -> String? {
        if isInside(relative) { return relative }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        return parts.joined(separator: "/")
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// An open folder, in which paths are looked up relative to it: the kernel then walks only
    /// the relative part (59,000 lookups in the spare copy of the output in every edit build).
    final class Folder: Sendable {
        private let descriptor: Int32

        /// The folder at `path`; nil if it cannot be opened.
        init?(_ path: String) {
            descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if descriptor < 0 { return nil }
        }

        deinit { close(descriptor) }

        /// Whether `relative` (a path with only proper names, ``isInside(_:)``) exists in the folder.
        func contains(_ relative: String) -> Bool {
            guard FilePaths.isInside(relative) else { return false }
            var info = stat()
            return fstatat(descriptor, relative, &info, 0) == 0
        }
    }

    /// Creates the folder that will hold `path`, and its parents, as needed.
    static func makeParent(of path: String) {
        guard let slash = path.lastIndex(of: "/"), slash > path.startIndex else { return }
        let parent = String(path[..<slash])
        // `stat` first: `mkdir` of an existing folder takes the parent's lock for writing.
        if exists(parent) || mkdir(parent, 0o755) == 0 || errno == EEXIST { return }
        if errno == ENOENT {
            makeParent(of: parent)
            _ = mkdir(parent, 0o755)
        }
    }

    /// Writes `data` to a new or truncated file at `path`. Unlike `Data.write(to:)`, which
    /// calls `fsync` for every file (half of a clean build's time on 25,000 pages), this
    /// leaves flushing to the system: a killed build cannot lose what it wrote, and the
    /// output is swapped in only after every file is complete.
    static func write(_ data: some ContiguousBytes, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError.writeFailed("\(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        try data.withUnsafeBytes { try write($0, to: descriptor, path: path) }
    }

    /// Writes all of `buffer` to the open file `descriptor` (named `path` in the error).
    static func write(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError.writeFailed("\(path): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// The size of the file at `path`, nil if there is none.
    static func size(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Whether the file at `path` holds exactly `data` (its size is checked before it is read).
    static func hasContents(_ path: String, equalTo data: Data) -> Bool {
        guard size(path) == data.count else { return false }
        return FileManager.default.contents(atPath: path) == data
    }

    /// Whether two files hold the same bytes (sizes are checked before anything is read).
    static func sameContents(_ first: String, _ second: String) -> Bool {
        guard let size = size(first), size == self.size(second) else { return false }
        return FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second)
    }

    /// Copies the file at `source` to a new or truncated file at `target`.
    static func copy(_ source: String, to target: String) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw OutputError.writeFailed("\(source): \(String(cString: strerror(errno)))") }
        defer { close(input) }
        let output = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw OutputError.writeFailed("\(target): \(String(cString: strerror(errno)))") }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count == 0 { return }
            if count < 0 {
                if errno == EINTR { continue }
                throw OutputError.writeFailed("\(source): \(String(cString: strerror(errno)))")
            }
            var offset = 0
            while offset < count {
                let written = buffer.withUnsafeBytes { Glibc.write(output, $0.baseAddress.map { $0 + offset }, count - offset) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputError.writeFailed("\(target): \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }

    /// A hard link at `new` to the file at `old`.
    static func link(_ old: String, _ new: String) -> Bool {
        Glibc.link(old, new) == 0
    }
}
