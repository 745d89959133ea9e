import Foundation

/// Brings the spare copy of the output (the output of the build before last) up to date with
/// this build, touching only files whose key differs; the build then swaps it with the live
/// output in one step (``FolderSwap``), so readers and deploys never see a half-updated site.
///
/// The two copies share the inodes of unchanged files, so files are never changed in place:
/// every new file is written beside its target and renamed over it.
struct SpareOutput: OutputSink {
    let spare: URL
    let live: URL
    let spareKeys: [String: Digest]
    let liveKeys: [String: Digest]

    func reuse(_ path: String, key: Digest) -> Bool {
        guard let target = try? DiskOutput(root: spare).fileURL(for: path) else { return false }
        if spareKeys[path] == key, FileStamp.of(target.path) != nil { return true }
        guard liveKeys[path] == key, let current = try? DiskOutput(root: live).fileURL(for: path),
            FileStamp.of(current.path) != nil
        else { return false }
        return (try? replace(target) { try FileManager.default.linkItem(at: current, to: $0) }) != nil
    }

    func write(_ data: Data, to path: String) throws {
        let target = try DiskOutput(root: spare).fileURL(for: path)
        // Same bytes as the live file: share it, so its modification time stays.
        if let current = try? DiskOutput(root: live).fileURL(for: path),
            FileManager.default.contents(atPath: current.path) == data,
            (try? replace(target, with: { try FileManager.default.linkItem(at: current, to: $0) })) != nil
        {
            return
        }
        try replace(target) { try data.write(to: $0) }
    }

    func copyFile(at source: URL, to path: String) throws {
        let target = try DiskOutput(root: spare).fileURL(for: path)
        try replace(target) { try FileManager.default.copyItem(at: source, to: $0) }
    }

    /// Deletes the spare's files that this build does not have, and folders left empty.
    func removeFiles(notIn paths: Set<String>) {
        let manager = FileManager.default
        for path in spareKeys.keys where !paths.contains(path) {
            guard var url = try? DiskOutput(root: spare).fileURL(for: path) else { continue }
            try? manager.removeItem(at: url)
            url.deleteLastPathComponent()
            while url.path.count > spare.path.count, (try? manager.contentsOfDirectory(atPath: url.path))?.isEmpty == true {
                try? manager.removeItem(at: url)
                url.deleteLastPathComponent()
            }
        }
    }

    /// Makes the new file under a temporary name beside `target`, then renames it over `target`.
    private func replace(_ target: URL, with make: (URL) throws -> Void) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).magbuild-tmp")
        try? manager.removeItem(at: temporary)
        try make(temporary)
        let renamed = rename(temporary.path, target.path) == 0
        let error = errno
        // Also when both names were links to one file already: rename leaves both then.
        unlink(temporary.path)
        if !renamed { throw OutputError.writeFailed("\(target.path): rename failed (errno \(error))") }
    }
}
