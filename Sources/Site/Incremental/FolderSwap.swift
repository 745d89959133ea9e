import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Swaps two folders on one file system: atomically with Linux's `renameat2(RENAME_EXCHANGE)`
/// (looked up at run time, as Swift's Glibc module does not declare it), otherwise with three
/// renames (the folder is missing for an instant then).
enum FolderSwap {
    static func exchange(_ a: URL, _ b: URL) throws {
        if atomicExchange(a.path, b.path) { return }
        let manager = FileManager.default
        let aside = a.deletingLastPathComponent().appendingPathComponent(".\(a.lastPathComponent).magbuild-swap")
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

    private static func atomicExchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let exchange: UInt32 = 2  // RENAME_EXCHANGE
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, exchange) == 0
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
