import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The visible entries of a folder, read with `readdir`: its entry types save a `stat` per
/// file, which on a site of 10,000 article bundles is most of a scan's cost. Hidden entries
/// are skipped everywhere magbuild reads a site (see ``isHidden(_:)``).
public struct DirectoryListing: Sendable {
    /// Names of the files (and other non-folders), sorted by their bytes.
    public var files: [String] = []
    /// Names of the folders (symbolic links to folders included), sorted by their bytes.
    public var folders: [String] = []

    /// Where `d_name` starts in a `dirent`.
    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19

    /// Folders nested deeper than this below a walk's start are not read (symbolic link loops).
    public static let maxDepth = 32

    /// The listing of `folder`; nil if it cannot be opened.
    public init?(of folder: String) {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            // The name is read in place, up to its NUL: a record is only as long as its name,
            // so copying the whole 256-byte `d_name` can read past the end of readdir's buffer.
            let name = String(cString: UnsafeRawPointer(entry).advanced(by: Self.nameOffset).assumingMemoryBound(to: CChar.self))
            guard !name.isEmpty, !Self.isHidden(name) else { continue }
            let type = entry.pointee.d_type
            let isFolder = type == UInt8(DT_DIR)
                || ((type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK)) && Self.isFolder(folder + "/" + name))
            if isFolder { folders.append(name) } else { files.append(name) }
        }
        let byBytes: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        files.sort(by: byBytes)
        folders.sort(by: byBytes)
    }

    /// Whether magbuild ignores an entry named `name`: names starting with `.` (editors' and
    /// version control's files), except `.well-known`, the folder RFC 8615 reserves for files
    /// a site publishes for machines (`security.txt`, app links), copied from `static/`.
    public static func isHidden(_ name: some StringProtocol) -> Bool {
        name.hasPrefix(".") && name != ".well-known"
    }

    /// Whether `path` is a folder (following symbolic links).
    public static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Every visible regular file below `folder` (symbolic links followed), as paths relative
    /// to it with `/` separators, sorted; at most ``maxDepth`` folders deep.
    public static func files(below folder: String) -> [String] {
        var found: [String] = []
        walk(folder) { path, isFolder in
            if !isFolder, isRegularFile(folder + "/" + path) { found.append(path) }
            return true
        }
        return found.sorted()
    }

    /// Whether `path` is a regular file (following symbolic links).
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Visits every visible entry below `folder` (folders before what they hold), with its
    /// path relative to `folder`; `visit` returns whether to go into a folder.
    public static func walk(_ folder: String, _ visit: (_ path: String, _ isFolder: Bool) -> Bool) {
        walk(folder, prefix: "", depth: 0, visit)
    }

    private static func walk(_ folder: String, prefix: String, depth: Int, _ visit: (String, Bool) -> Bool) {
        guard depth <= maxDepth, let listing = DirectoryListing(of: folder) else { return }
        for name in listing.files { _ = visit(prefix + name, false) }
        for name in listing.folders where visit(prefix + name, true) {
            walk(folder + "/" + name, prefix: prefix + name + "/", depth: depth + 1, visit)
        }
    }
}
