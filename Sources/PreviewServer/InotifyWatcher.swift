#if os(Linux)
import Basics
import Foundation
import Glibc
import Synchronization

/// Watches a site with Linux inotify: one watch per folder below `content/`,
/// `templates/` and `static/`, plus the site folder itself for `site.yml`. A
/// thread sleeps in `poll(2)` until the kernel reports something, so an idle
/// preview costs no CPU however many files the site has. New folders (a new
/// article bundle, a folder moved in) are watched as they appear.
public final class InotifyWatcher: FileWatcher {
    private let site: String
    private let state = Mutex(State())

    private struct State {
        var descriptor: Int32 = -1
        var wakeWrite: Int32 = -1
    }

    /// Folders by watch descriptor, site-relative ("" is the site folder).
    ///
    /// `@unchecked Sendable`: `start` fills it before the watch thread starts, and from then
    /// on only that thread reads and changes it (Thread.start orders the two), so no two
    /// threads ever touch it at once.
    private final class Folders: @unchecked Sendable {
        var byDescriptor: [Int32: String] = [:]
    }

    private static let folderMask = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)

    public init(site: URL) {
        self.site = site.standardizedFileURL.path
    }

    public func start(onChange: @escaping @Sendable ([String]) -> Void) throws {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw WatchError.unavailable("inotify_init1: \(String(cString: strerror(errno)))") }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(descriptor)
            throw WatchError.unavailable("pipe: \(String(cString: strerror(errno)))")
        }
        let folders = Folders()
        guard addWatch(descriptor, relative: "", folders: folders) else {
            close(descriptor)
            close(pipeEnds[0])
            close(pipeEnds[1])
            throw WatchError.unavailable("cannot watch \(site): \(String(cString: strerror(errno)))")
        }
        for folder in SiteLayout.folders { _ = addTree(descriptor, relative: folder, folders: folders) }
        let wakeRead = pipeEnds[0]
        let site = self.site
        let thread = Thread { [self] in
            self.readEvents(descriptor, wakeRead: wakeRead, folders: folders, site: site, onChange: onChange)
            close(wakeRead)
            close(descriptor)
        }
        thread.name = "magbuild-watch"
        let wakeWrite = pipeEnds[1]
        state.withLock { $0 = State(descriptor: descriptor, wakeWrite: wakeWrite) }
        thread.start()
    }

    public func stop() {
        let wake = state.withLock { state -> Int32 in
            let wake = state.wakeWrite
            state = State()
            return wake
        }
        guard wake >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(wake, &byte, 1)
        close(wake)
    }

    // MARK: - Watches

    /// Watches one folder; `relative` is "" for the site folder.
    private func addWatch(_ descriptor: Int32, relative: String, folders: Folders) -> Bool {
        let path = relative.isEmpty ? site : site + "/" + relative
        let mask = relative.isEmpty ? UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)
            : Self.folderMask
        let watch = inotify_add_watch(descriptor, path, mask | UInt32(IN_ONLYDIR))
        guard watch >= 0 else { return false }
        folders.byDescriptor[watch] = relative
        return true
    }

    /// Watches `relative` and every visible folder below it (as deep as the build reads);
    /// returns the files found (for folders that appear later).
    @discardableResult
    private func addTree(_ descriptor: Int32, relative: String, folders: Folders) -> [String] {
        // `content` is at depth 0, as in a walk of the build.
        let depth = relative.split(separator: "/").count - 1
        guard depth <= DirectoryListing.maxDepth, addWatch(descriptor, relative: relative, folders: folders),
            let listing = DirectoryListing(of: site + "/" + relative)
        else { return [] }
        var files = listing.files.map { relative + "/" + $0 }
        for name in listing.folders {
            files += addTree(descriptor, relative: relative + "/" + name, folders: folders)
        }
        return files
    }

    // MARK: - Events

    private func readEvents(
        _ descriptor: Int32, wakeRead: Int32, folders: Folders, site: String, onChange: @Sendable ([String]) -> Void
    ) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var polls = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        while true {
            polls[0].revents = 0
            polls[1].revents = 0
            let ready = poll(&polls, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if polls[1].revents != 0 { return }
            guard polls[0].revents & Int16(POLLIN) != 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                if count < 0, errno == EINTR || errno == EAGAIN { continue }
                return
            }
            let changed = parse(buffer, count: count, descriptor: descriptor, folders: folders)
            if !changed.isEmpty { onChange(changed) }
        }
    }

    /// Decodes a buffer of `inotify_event`s into changed site paths, watching new folders on the way.
    private func parse(_ buffer: [UInt8], count: Int, descriptor: Int32, folders: Folders) -> [String] {
        var changed: [String] = []
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                 raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                 Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
            }
            let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            offset += header + length
            if mask & UInt32(IN_IGNORED) != 0 {
                folders.byDescriptor.removeValue(forKey: watch)
                continue
            }
            guard let folder = folders.byDescriptor[watch], !name.isEmpty else { continue }
            let path = folder.isEmpty ? name : folder + "/" + name
            if folder.isEmpty {
                if SiteLayout.folders.contains(name), mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    changed += addTree(descriptor, relative: name, folders: folders)
                }
                if name == SiteLayout.config || SiteLayout.folders.contains(name) { changed.append(path) }
                continue
            }
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                changed += addTree(descriptor, relative: path, folders: folders)
            }
            changed.append(path)
        }
        return changed.filter { ChangeSet.isWatched($0) || SiteLayout.folders.contains($0) }
    }
}

#endif
