import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says about a file: enough to notice that it was written since last time
/// without reading it (the same test `make`, rsync and git's index use).
struct FileStamp: Sendable, Hashable {
    var size: Int64
    var seconds: Int64
    var nanoseconds: Int64
    var inode: UInt64

    /// The stamp of the file at `path`, or nil when there is no regular file.
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return FileStamp(
            size: Int64(info.st_size), seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec),
            inode: UInt64(info.st_ino))
    }
}

/// An input file of an article (its Markdown, its comments, its lead image) as last seen:
/// the stamp to notice changes cheaply and the digest of its bytes to confirm them.
/// Images are known by their stamp alone: only their pixel size reaches the pages.
/// `site` arguments are the site folder's path.
struct InputFile: Sendable, Hashable {
    /// Relative to the site folder.
    var path: String
    var stamp: FileStamp?
    var digest: Digest
    var byStamp: Bool

    /// Reads and digests the file now; a missing file has the zero digest.
    static func read(_ path: String, site: String, byStamp: Bool = false) -> InputFile {
        let full = site + "/" + path
        let stamp = FileStamp.of(full)
        var digest = Digest.zero
        if let stamp {
            if byStamp {
                var hasher = DigestHasher(tag: "stamp")
                hasher.combine(stamp)
                digest = hasher.finalize()
            } else if let data = FileManager.default.contents(atPath: full) {
                digest = Digest.of(data)
            }
        }
        return InputFile(path: path, stamp: stamp, digest: digest, byStamp: byStamp)
    }

    /// The file as it is now: this record again if its stamp is unchanged, else read anew.
    func refreshed(site: String) -> InputFile {
        let stamp = FileStamp.of(site + "/" + path)
        if stamp == self.stamp, stamp != nil { return self }
        return InputFile.read(path, site: site, byStamp: byStamp)
    }
}

extension DigestHasher {
    /// A file's stamp: size, modification time and inode.
    mutating func combine(_ stamp: FileStamp) {
        combine(Int(stamp.size))
        combine(Int(stamp.seconds))
        combine(Int(stamp.nanoseconds))
        combine(Int(bitPattern: UInt(stamp.inode)))
    }
}
