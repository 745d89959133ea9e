import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Where a build puts its files. The same pipeline writes to disk (`magbuild build`)
/// or into memory (the preview server).
public protocol OutputSink: Sendable {
    /// Stores `data` at `path`, a site path without leading slash (`politik/foo/index.html`).
    func write(_ data: Data, to path: String) throws
    /// Stores a copy of the file at `source` (a path in the file system) under `path`.
    func copyFile(atPath source: String, to path: String) throws
    /// Stores the file at `source`, which nobody changes (a picture store's derivative), under
    /// `path`: on disk a hard link where the file system allows, else a copy.
    func linkFile(atPath source: String, to path: String) throws
    /// Keeps the file at `path` from an earlier build if that one was made from inputs with
    /// this `key`; returns false when the file has to be made.
    func reuse(_ path: String, key: Digest) -> Bool
}

/// An output sink that keeps every file in memory, keyed by site path.
///
/// Seeded with an earlier build's files and keys (the preview server), it keeps each file
/// whose key is unchanged instead of asking for it again.
public final class MemoryOutput: OutputSink {
    private struct Files {
        var storage: [String: Data] = [:]
        var written: Set<String> = []
    }

    private let state = Mutex(Files())
    private let previous: [String: Data]
    private let previousKeys: [String: Digest]

    public init(previous: [String: Data] = [:], keys: [String: Digest] = [:]) {
        self.previous = previous
        previousKeys = keys
    }

    public func write(_ data: Data, to path: String) throws {
        state.withLock {
            $0.storage[path] = data
            $0.written.insert(path)
        }
    }

    public func copyFile(atPath source: String, to path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: source))
        try write(data, to: path)
    }

    public func reuse(_ path: String, key: Digest) -> Bool {
        guard previousKeys[path] == key, let data = previous[path] else { return false }
        state.withLock { $0.storage[path] = data }
        return true
    }

    /// All files of this build so far.
    public var files: [String: Data] { state.withLock { $0.storage } }

    /// The files made anew by this build (not reused from the previous one).
    public var writtenPaths: Set<String> { state.withLock { $0.written } }
}

/// An output sink that writes below a folder on disk, creating folders as needed.
///
/// With a `previous` output folder, a file whose bytes are unchanged is hard-linked from
/// there instead of written anew, so it keeps its modification time and deploys by
/// rsync or to a CDN upload only what changed.
public struct DiskOutput: OutputSink {
    public let root: URL
    public let previous: URL?
    /// The keys of the files in `previous`, when the build cache describes it.
    let previousKeys: [String: Digest]
    private let rootPath: String
    private let previousPath: String?

    public init(root: URL, previous: URL? = nil) {
        self.init(root: root, previous: previous, previousKeys: [:])
    }

    init(root: URL, previous: URL?, previousKeys: [String: Digest]) {
        self.root = root
        self.previous = previous
        self.previousKeys = previousKeys
        rootPath = root.path
        previousPath = previous?.path
    }

    /// A file with an unchanged key is hard-linked from the previous output without being made.
    public func reuse(_ path: String, key: Digest) -> Bool {
        guard previousKeys[path] == key, let old = previousFile(path), let new = try? file(path) else { return false }
        FilePaths.makeParent(of: new)
        return FilePaths.link(old, new)
    }

    public func write(_ data: Data, to path: String) throws {
        let target = try file(path)
        FilePaths.makeParent(of: target)
        if let old = previousFile(path), FilePaths.hasContents(old, equalTo: data), FilePaths.link(old, target) { return }
        try FilePaths.write(data, to: target)
    }

    public func linkFile(atPath source: String, to path: String) throws {
        let target = try file(path)
        FilePaths.makeParent(of: target)
        unlink(target)
        if FilePaths.link(source, target) { return }
        try FilePaths.copy(source, to: target)
    }

    public func copyFile(atPath source: String, to path: String) throws {
        let target = try file(path)
        FilePaths.makeParent(of: target)
        unlink(target)
        if let old = previousFile(path), FilePaths.sameContents(old, source), FilePaths.link(old, target) { return }
        try FilePaths.copy(source, to: target)
    }

    /// The file for a site path; refuses paths that would leave the output folder.
    func file(_ path: String) throws -> String {
        guard let relative = FilePaths.normalized(path), let file = FilePaths.join(rootPath, relative) else {
            throw OutputError.invalidPath(path)
        }
        return file
    }

    private func previousFile(_ path: String) -> String? {
        guard let previousPath, let relative = FilePaths.normalized(path) else { return nil }
        return FilePaths.join(previousPath, relative)
    }
}

/// A problem writing the output.
public enum OutputError: Error, CustomStringConvertible {
    case invalidPath(String)
    case swapFailed(String)
    case writeFailed(String)

    public var description: String {
        switch self {
        case .invalidPath(let path): "refusing to write outside the output folder: \(path)"
        case .swapFailed(let reason): "could not replace the output folder: \(reason)"
        case .writeFailed(let reason): "could not write \(reason)"
        }
    }
}
