import Basics
import Foundation

/// An output folder that is written beside the target and swapped in only when the
/// whole build succeeded, so a failed build never leaves a half-written site. The swap is
/// one system call (``FolderSwap``): a build killed at any moment leaves the complete
/// previous or the complete new site; the next build removes what it left beside them.
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
        // What a killed build left: the output aside in a non-atomic swap, a staging folder.
        try FolderSwap.recover(self.target)
        if manager.fileExists(atPath: staging.path) { try manager.removeItem(at: staging) }
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// Writes into the staging folder, reusing unchanged files of the current output.
    var sink: DiskOutput { sink(previousKeys: [:]) }

    /// Writes into the staging folder; a file whose key is in `previousKeys` unchanged is
    /// hard-linked from the current output without being made.
    func sink(previousKeys: [String: Digest]) -> DiskOutput {
        DiskOutput(
            root: staging, previous: FileManager.default.fileExists(atPath: target.path) ? target : nil,
            previousKeys: previousKeys)
    }

    /// Replaces the target with the staged folder, then deletes the previous output
    /// on `jobs` threads (a large site's old tree has tens of thousands of files).
    func commit(jobs: Int = 1) throws {
        if let old = try commitKeepingPrevious() { Self.remove(old, jobs: jobs) }
    }

    /// Replaces the target with the staged folder in one step and returns where the previous
    /// output is now (nil if there was none); the caller deletes or keeps it.
    func commitKeepingPrevious() throws -> URL? {
        let manager = FileManager.default
        do {
            guard manager.fileExists(atPath: target.path) else {
                try manager.moveItem(at: staging, to: target)
                return nil
            }
            try FolderSwap.exchange(target, staging)
            return staging
        } catch {
            throw OutputError.swapFailed(String(describing: error))
        }
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
