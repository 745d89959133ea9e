import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output folder that is written beside the target and swapped in only when the
/// whole build succeeded, so a failed build never leaves a half-written site.
///
/// The swap exchanges the two folders in one system call where the platform allows
/// (`renameat2(RENAME_EXCHANGE)` on Linux, `renamex_np(RENAME_SWAP)` on macOS), so even a
/// build killed at any moment leaves either the complete previous or the complete new site
/// in place. Leftovers of a killed build are removed by the next one.
struct StagedOutput {
    let target: URL
    let staging: URL

    /// Prepares an empty staging folder next to `target` (same file system, so the swap is a rename).
    init(target: URL) throws {
        self.target = target.standardizedFileURL
        let parent = self.target.deletingLastPathComponent()
        let name = self.target.lastPathComponent
        staging = parent.appendingPathComponent(".\(name).magbuild-new", isDirectory: true)
        let manager = FileManager.default
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        try Self.recoverFromKilledBuild(target: self.target, staging: staging)
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Where the previous output waits to be deleted when the folders cannot be exchanged.
    static func oldFolder(of target: URL) -> URL {
        target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).magbuild-old", isDirectory: true)
    }

    /// Removes what a killed build left beside the target, and puts the previous output back
    /// if the build was killed between the two renames of a non-atomic swap.
    private static func recoverFromKilledBuild(target: URL, staging: URL) throws {
        let manager = FileManager.default
        let old = oldFolder(of: target)
        if manager.fileExists(atPath: old.path) {
            if manager.fileExists(atPath: target.path) {
                try manager.removeItem(at: old)
            } else {
                try manager.moveItem(at: old, to: target)
            }
        }
        if manager.fileExists(atPath: staging.path) { try manager.removeItem(at: staging) }
    }

    /// Writes into the staging folder, reusing unchanged files of the current output.
    var sink: DiskOutput {
        DiskOutput(root: staging, previous: FileManager.default.fileExists(atPath: target.path) ? target : nil)
    }

    /// Replaces the target with the staged folder, then deletes the previous output
    /// on `jobs` threads (a large site's old tree has tens of thousands of files).
    func commit(jobs: Int = 1) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: target.path) else {
            do { try manager.moveItem(at: staging, to: target) } catch {
                throw OutputError.swapFailed(String(describing: error))
            }
            return
        }
        if FolderExchange.exchange(staging, target) {
            // The staging folder now holds the previous output.
            Self.remove(staging, jobs: jobs)
            return
        }
        try commitInTwoSteps(jobs: jobs)
    }

    /// The swap where the file system cannot exchange folders: a killed build can leave no
    /// target for a moment; the next build then moves the previous output back.
    private func commitInTwoSteps(jobs: Int) throws {
        let manager = FileManager.default
        let old = Self.oldFolder(of: target)
        if manager.fileExists(atPath: old.path) { try manager.removeItem(at: old) }
        do {
            try manager.moveItem(at: target, to: old)
            try manager.moveItem(at: staging, to: target)
        } catch {
            if !manager.fileExists(atPath: target.path) { try? manager.moveItem(at: old, to: target) }
            throw OutputError.swapFailed(String(describing: error))
        }
        Self.remove(old, jobs: jobs)
    }

    /// Removes a folder tree, its top-level entries in parallel.
    static func remove(_ folder: URL, jobs: Int) {
        let manager = FileManager.default
        let entries = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        _ = parallelMap(entries, jobs: jobs) { name in
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        try? manager.removeItem(at: folder)
    }

    /// Throws the staged files away, leaving the target untouched.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}

/// Exchanges two folders in one step, so there is no moment in which neither is in place.
enum FolderExchange {
    /// Swaps the entries at `first` and `second` atomically; false when the platform or
    /// the file system cannot (then nothing has changed).
    static func exchange(_ first: URL, _ second: URL) -> Bool {
        first.withUnsafeFileSystemRepresentation { firstPath in
            second.withUnsafeFileSystemRepresentation { secondPath in
                guard let firstPath, let secondPath else { return false }
                return exchange(firstPath, secondPath)
            }
        }
    }

    #if os(Linux)
    private typealias RenameAt2 = @convention(c) (
        Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32
    ) -> Int32

    /// `RENAME_EXCHANGE` from `<linux/fs.h>`.
    private static let renameExchange: UInt32 = 1 << 1

    /// glibc's `renameat2` (glibc 2.28, Linux 3.15), looked up at run time because Swift's
    /// Glibc module does not declare it.
    private static func exchange(_ first: UnsafePointer<CChar>, _ second: UnsafePointer<CChar>) -> Bool {
        guard let handle = dlopen(nil, RTLD_NOW) else { return false }
        defer { dlclose(handle) }
        guard let symbol = dlsym(handle, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
    }
    #elseif canImport(Darwin)
    private static func exchange(_ first: UnsafePointer<CChar>, _ second: UnsafePointer<CChar>) -> Bool {
        renamex_np(first, second, UInt32(RENAME_SWAP)) == 0
    }
    #else
    private static func exchange(_ first: UnsafePointer<CChar>, _ second: UnsafePointer<CChar>) -> Bool {
        false
    }
    #endif
}
