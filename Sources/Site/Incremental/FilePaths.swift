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
        if mkdir(parent, 0o755) == 0 || errno == EEXIST { return }
        if errno == ENOENT {
            makeParent(of: parent)
            _ = mkdir(parent, 0o755)
        }
    }

    /// A hard link at `new` to the file at `old`.
    static func link(_ old: String, _ new: String) -> Bool {
        Glibc.link(old, new) == 0
    }
}
