import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Brings the spare copy of the output (the output of the build before last) up to date with
/// this build, touching only files whose key differs; the build then swaps it with the live
/// output in one step (``FolderSwap``), so readers and deploys never see a half-updated site.
///
/// The two copies share the inodes of unchanged files, so files are never changed in place:
/// every new file is made beside its target and renamed over it.
struct SpareOutput: OutputSink {
    let spare: URL
    let live: URL
    let spareKeys: [String: Digest]
    let liveKeys: [String: Digest]
    /// How the spare's keys differ from the live output's.
    private let differences: SpareKeys
    /// The spare copy, open: most files are looked up there and kept.
    private let spareFolder: FilePaths.Folder?

    /// The spare at `spare`, whose keys are the live output's (`liveKeys`) but for `differences`.
    init(spare: URL, live: URL, differences: SpareKeys, liveKeys: [String: Digest]) {
        self.spare = spare
        self.live = live
        self.differences = differences
        spareKeys = differences.keys(outputs: liveKeys)
        self.liveKeys = liveKeys
        spareFolder = FilePaths.Folder(spare.path)
    }

    func reuse(_ path: String, key: Digest) -> Bool {
        if spareKeys[path] == key, spareFolder?.contains(path) ?? FilePaths.join(spare.path, path).map(FilePaths.exists) ?? false {
            return true
        }
        guard let target = FilePaths.join(spare.path, path) else { return false }
        guard liveKeys[path] == key, let current = FilePaths.join(live.path, path), FilePaths.exists(current) else { return false }
        return (try? replace(target) { temporary in
            guard FilePaths.link(current, temporary) else { throw OutputError.writeFailed("\(path): cannot link") }
        }) != nil
    }

    func write(_ data: Data, to path: String) throws {
        guard let target = FilePaths.join(spare.path, path) else { throw OutputError.invalidPath(path) }
        // Same bytes as the live file: share it, so its modification time stays.
        if let current = FilePaths.join(live.path, path), FilePaths.hasContents(current, equalTo: data),
            (try? replace(target, with: { if !FilePaths.link(current, $0) { throw OutputError.writeFailed(path) } })) != nil
        {
            return
        }
        try replace(target) { try FilePaths.write(data, to: $0) }
    }

    func copyFile(atPath source: String, to path: String) throws {
        guard let target = FilePaths.join(spare.path, path) else { throw OutputError.invalidPath(path) }
        if let current = FilePaths.join(live.path, path), FilePaths.sameContents(current, source),
            (try? replace(target, with: { if !FilePaths.link(current, $0) { throw OutputError.writeFailed(path) } })) != nil
        {
            return
        }
        try replace(target) { try FilePaths.copy(source, to: $0) }
    }

    func linkFile(atPath source: String, to path: String) throws {
        guard let target = FilePaths.join(spare.path, path) else { throw OutputError.invalidPath(path) }
        try replace(target) { if !FilePaths.link(source, $0) { try FilePaths.copy(source, to: $0) } }
    }

    /// Deletes the spare's files that this build's output does not have (`changes` made it
    /// from the live output), and folders left empty. The spare holds the live output's files
    /// but for ``differences``, so a file of the spare that the build lacks is one the live
    /// output had and the build removed, or one only the spare had that the build did not add:
    /// a few paths to look at, not every path of the site.
    func removeFiles(goneFrom changes: OutputChanges) {
        let added = Set(changes.added)
        let spareOnly = differences.differing.keys.filter { liveKeys[$0] == nil && !added.contains($0) }
        for path in changes.removed.filter({ spareKeys[$0] != nil }) + spareOnly {
            guard var file = FilePaths.join(spare.path, path) else { continue }
            unlink(file)
            while let slash = file.lastIndex(of: "/"), slash > file.startIndex {
                file = String(file[..<slash])
                guard file.count > spare.path.count, rmdir(file) == 0 else { break }
            }
        }
    }

    /// Makes the new file under a temporary name beside `target`, then renames it over `target`.
    private func replace(_ target: String, with make: (String) throws -> Void) throws {
        FilePaths.makeParent(of: target)
        guard let slash = target.lastIndex(of: "/") else { throw OutputError.invalidPath(target) }
        let temporary = String(target[...slash]) + "." + target[target.index(after: slash)...] + ".magbuild-tmp"
        unlink(temporary)
        try make(temporary)
        let renamed = rename(temporary, target) == 0
        let error = errno
        // Also when both names were links to one file already: rename leaves both then.
        unlink(temporary)
        if !renamed { throw OutputError.writeFailed("\(target): rename failed (errno \(error))") }
    }
}
