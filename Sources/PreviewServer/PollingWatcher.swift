import Basics
import Foundation
import Synchronization

/// A portable watcher: every `interval` it lists the watched folders and compares
/// each file's modification time and size with the previous scan.
public final class PollingWatcher: FileWatcher {
    fileprivate struct Stamp: Equatable {
        var modified: Double
        var size: UInt64
    }

    private let site: URL
    private let interval: Duration
    private let running = Mutex<Task<Void, Never>?>(nil)

    public init(site: URL, interval: Duration = .milliseconds(150)) {
        self.site = site.standardizedFileURL
        self.interval = interval
    }

    public func start(onChange: @escaping @Sendable ([String]) -> Void) throws {
        let site = self.site, interval = self.interval
        // The baseline is taken before start returns: a save right after it is a change.
        let baseline = Self.scan(site)
        let task = Task.detached(priority: .utility) {
            var previous = baseline
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                let current = Self.scan(site)
                var changed: [String] = []
                for (path, stamp) in current where previous[path] != stamp { changed.append(path) }
                for path in previous.keys where current[path] == nil { changed.append(path) }
                previous = current
                if !changed.isEmpty { onChange(changed) }
            }
        }
        running.withLock { $0 = task }
    }

    public func stop() {
        running.withLock { task in
            task?.cancel()
            task = nil
        }
    }

    /// Every watched file with its time and size, keyed by site-relative path.
    private static func scan(_ site: URL) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        var info = stat()
        for file in [SiteLayout.config] where stat(site.appendingPathComponent(file).path, &info) == 0 {
            stamps[file] = Stamp(info)
        }
        for folder in SiteLayout.folders {
            walk(site.path + "/" + folder, relative: folder, into: &stamps)
        }
        return stamps
    }

    /// The visible files below `directory` (``DirectoryListing``, as the build reads them).
    private static func walk(_ directory: String, relative: String, into stamps: inout [String: Stamp]) {
        var info = stat()
        DirectoryListing.walk(directory) { path, isFolder in
            let file = relative + "/" + path
            if !isFolder, ChangeSet.isWatched(file), stat(directory + "/" + path, &info) == 0 { stamps[file] = Stamp(info) }
            return true
        }
    }
}

extension PollingWatcher.Stamp {
    init(_ info: stat) {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        self.init(modified: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9, size: UInt64(info.st_size))
    }
}
