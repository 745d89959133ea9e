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

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
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
    static func write(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError.writeFailed("\(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
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
    }

    /// A hard link at `new` to the file at `old`.
    static func link(_ old: String, _ new: String) -> Bool {
        Glibc.link(old, new) == 0
    }
}
