import Foundation

/// A site folder in a fresh temporary directory, removed by `remove()`.
struct TestSite {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("magbuild-content-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    /// Writes `text` to `path` (relative to the site folder), creating folders as needed.
    func write(_ path: String, _ text: String = "x") throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// A valid article file; `extra` lines are added to the front matter.
    static func article(title: String = "Ein Artikel", extra: String = "") -> String {
        """
        ---
        title: "\(title)"
        teaser: "Ein Satz."
        date: 2022-06-22
        authors: [Holger Beispiel]
        \(extra)
        ---
        Text.

        """
    }
}
