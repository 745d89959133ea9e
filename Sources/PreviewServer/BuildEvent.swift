import Foundation

/// What the live-reload script is told after a rebuild, sent as the JSON data of
/// an SSE `build` event.
public struct BuildEvent: Sendable, Equatable, Encodable {
    /// The generation of the state after this build.
    public var generation: Int
    /// Whether the build succeeded.
    public var ok: Bool
    /// URL paths of output files that were added, changed or removed (`/politik/foo/index.html`).
    public var changed: [String]
    /// Reload every page: files other than HTML and CSS changed, or too many files to list.
    public var reloadAll: Bool

    /// Listing more changed files than this sends `reloadAll` instead.
    static let listLimit = 2_000

    public init(generation: Int, ok: Bool, changedSitePaths: [String]) {
        self.generation = generation
        self.ok = ok
        let tooMany = changedSitePaths.count > Self.listLimit
        self.changed = tooMany ? [] : changedSitePaths.map { "/" + $0 }
        self.reloadAll = tooMany || changedSitePaths.contains { !$0.hasSuffix(".html") && !$0.hasSuffix(".css") }
    }

    /// The event as an SSE frame: `event: build` and one `data:` line.
    var frame: String {
        Self.frame(event: "build", json: self)
    }

    /// The greeting sent first on every connection: the current generation.
    static func hello(generation: Int) -> String {
        frame(event: "hello", json: ["generation": generation])
    }

    private static func frame(event: String, json: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(json)) ?? Data("{}".utf8)
        return "event: \(event)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }
}
