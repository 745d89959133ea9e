import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Swaps two folders on one file system: atomically with Linux's `renameat2(RENAME_EXCHANGE)`
/// (looked up at run time, as Swift's Glibc module does not declare it) or macOS's
/// `renamex_np(RENAME_SWAP)`; elsewhere with three renames, after which a build killed
/// between them leaves `a` aside, and ``recover(_:)`` puts it back.
enum FolderSwap {
    static func exchange(_ a: URL, _ b: URL) throws {
        if atomicExchange(a.path, b.path) { return }
        let manager = FileManager.default
        let aside = self.aside(of: a)
        if manager.fileExists(atPath: aside.path) { try manager.removeItem(at: aside) }
        try manager.moveItem(at: a, to: aside)
        do {
            try manager.moveItem(at: b, to: a)
        } catch {
            try? manager.moveItem(at: aside, to: a)
            throw error
        }
        try manager.moveItem(at: aside, to: b)
    }

    /// Where the three-rename swap keeps `folder` for a moment.
    static func aside(of folder: URL) -> URL {
        folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).magbuild-swap", isDirectory: true)
    }

    /// After a build killed in the middle of a three-rename swap: puts `folder` back if it is
    /// missing, else removes what is left aside.
    static func recover(_ folder: URL) throws {
        let manager = FileManager.default
        let aside = self.aside(of: folder)
        guard manager.fileExists(atPath: aside.path) else { return }
        if manager.fileExists(atPath: folder.path) {
            try manager.removeItem(at: aside)
        } else {
            try manager.moveItem(at: aside, to: folder)
        }
    }

    /// A folder's inode and modification time, to recognise it later: a folder deleted and
    /// made again may get the same inode, but not the same time.
    static func identity(of url: URL) -> FolderIdentity? {
        var info = stat()
        guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return FolderIdentity(inode: UInt64(info.st_ino), seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec))
    }

    /// Exchanges the two folders in one system call; false (and nothing changed) where the
    /// platform or file system cannot.
    static func atomicExchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let exchange: UInt32 = 2  // RENAME_EXCHANGE
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, exchange) == 0
        #elseif canImport(Darwin)
        return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0
        #else
        return false
        #endif
    }
}

/// See ``FolderSwap/identity(of:)``.
struct FolderIdentity: Sendable, Hashable {
    var inode: UInt64
    var seconds: Int64
    var nanoseconds: Int64
}
