import Foundation
import Hummingbird
import PreviewServer
import Site

/// Fixture sites and in-memory snapshots for the preview server's tests.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh copy of `Tests/Fixtures/<name>` in a temporary folder.
    static func copy(_ name: String) throws -> URL {
        let target = FileManager.default.temporaryDirectory
            .appendingPathComponent("magbuild-serve-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let site = target.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/Fixtures/\(name)"), to: site)
        return site
    }

    static func remove(_ site: URL) {
        try? FileManager.default.removeItem(at: site.deletingLastPathComponent())
    }

    /// A small hand-made site: pages, a stylesheet, an image, a 404 page.
    static let snapshot = SiteSnapshot(files: [
        "index.html": Data("<!doctype html><html><body><h1>Home</h1></body></html>".utf8),
        "politik/erste/index.html": Data("<!doctype html><html><body><p>Erste</p></BODY></html>".utf8),
        "css/style.css": Data("body { color: black }".utf8),
        "img/logo.png": Data([0x89, 0x50, 0x4E, 0x47, 0, 1, 2, 3]),
        "feed.xml": Data("<?xml version=\"1.0\"?><feed/>".utf8),
        "robots.txt": Data("User-agent: *\n".utf8),
        "404.html": Data("<!doctype html><html><body><h1>Nicht gefunden</h1></body></html>".utf8),
        "notes.unknownext": Data("x".utf8),
    ])

    /// The preview application over `state`, for `app.test(.router)`.
    static func app(state: PreviewState, hub: EventHub = EventHub()) -> some ApplicationProtocol {
        Application(responder: PreviewResponder(state: state, hub: hub))
    }

    /// Replaces `old` with `new` in a file of `site`, as an editor's plain save does.
    static func edit(_ site: URL, _ path: String, replacing old: String, with new: String) throws {
        let url = site.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        precondition(text.contains(old), "fixture \(path) lacks \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: false, encoding: .utf8)
    }

    /// Saves `text` into `path` the way many editors do: write a temporary file, rename it over.
    static func atomicSave(_ site: URL, _ path: String, _ text: String) throws {
        let url = site.appendingPathComponent(path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp\(UUID().uuidString.prefix(6))")
        try text.write(to: temporary, atomically: false, encoding: .utf8)
        guard rename(temporary.path, url.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}
