import Foundation

/// Reports changed files below a site folder. Implementations call `onChange`
/// from their own thread with site-relative paths, as soon as they see them;
/// coalescing bursts is the `ChangeBatcher`'s job.
public protocol FileWatcher: AnyObject, Sendable {
    /// Starts watching `content/`, `templates/`, `static/` and `site.yml` of the site folder.
    func start(onChange: @escaping @Sendable ([String]) -> Void) throws
    /// Stops watching; no `onChange` calls follow once it returns.
    func stop()
}

/// How the preview notices changes.
public enum WatchMethod: String, Sendable, CaseIterable {
    /// Kernel notifications (inotify on Linux); falls back to polling where unavailable.
    case native
    /// Compare file times and sizes every 150 ms: works on network drives and in containers.
    case poll

    /// A watcher for `site` using this method where the platform has it.
    public func makeWatcher(site: URL) -> any FileWatcher {
        #if os(Linux)
        if self == .native { return InotifyWatcher(site: site) }
        #endif
        return PollingWatcher(site: site)
    }
}

/// The watcher could not start.
public enum WatchError: Error, CustomStringConvertible {
    case unavailable(String)

    public var description: String {
        switch self {
        case .unavailable(let reason): "file watching unavailable: \(reason)"
        }
    }
}
