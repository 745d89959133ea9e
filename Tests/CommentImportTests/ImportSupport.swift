import Diagnostics
import Foundation
@testable import CommentImport
@testable import Comments

/// A throwaway site folder with the articles of `Tests/Fixtures/comments-site`, for importer tests.
struct ImportSite {
    let root: URL
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/imports")

    static let targets = [
        ImportTarget(url: "/politik/kasachstan/", commentsFile: "content/politik/kasachstan/comments.json"),
        ImportTarget(url: "/kultur/theater/", commentsFile: "content/kultur/theater.comments.json"),
        ImportTarget(url: "/wirtschaft/inflation/", commentsFile: "content/wirtschaft/inflation/comments.json"),
    ]

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-import-test-\(UUID().uuidString)")
        for folder in ["content/politik/kasachstan", "content/kultur", "content/wirtschaft/inflation"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
    }

    func run(_ format: ExportFormat, _ fixture: String, dryRun: Bool = false) throws -> ImportReport {
        try run(format, export: Self.fixtures.appendingPathComponent(fixture), name: fixture, dryRun: dryRun)
    }

    func run(_ format: ExportFormat, export: URL, name: String, dryRun: Bool = false, strict: Bool = false) throws -> ImportReport {
        try CommentImporter.run(.init(
            format: format, export: export, exportName: name, site: root, targets: Self.targets,
            timeZone: TimeZone(identifier: "Europe/Berlin") ?? .current, dryRun: dryRun, strict: strict))
    }

    /// The first diagnostic of a failed import of `export` (as `bad.xml`), or nil when it succeeds.
    func failure(_ format: ExportFormat, _ export: URL, strict: Bool = false) throws -> String? {
        do {
            _ = try run(format, export: export, name: "bad.xml", strict: strict)
            return nil
        } catch let list as DiagnosticList {
            return list.diagnostics.first?.description
        }
    }

    /// Writes `text` as a temporary export file.
    func export(_ text: String) throws -> URL {
        let url = root.appendingPathComponent("export-\(UUID().uuidString).xml")
        try Data(text.utf8).write(to: url)
        return url
    }

    func data(_ file: String) -> Data? {
        FileManager.default.contents(atPath: root.appendingPathComponent(file).path)
    }

    func comments(_ file: String) throws -> [Comments.Comment] {
        guard let data = data(file) else { return [] }
        return try CommentFile.parse(data, file: file)
    }

    /// Every byte written below `content/`, as text.
    func allContent() -> String {
        var text = ""
        let content = root.appendingPathComponent("content")
        for case let path as String in FileManager.default.enumerator(atPath: content.path) ?? FileManager.DirectoryEnumerator() {
            if let data = FileManager.default.contents(atPath: content.appendingPathComponent(path).path) {
                text += String(decoding: data, as: UTF8.self)
            }
        }
        return text
    }
}

extension CommentSection {
    /// Every node, depth-first in display order.
    var allNodes: [CommentNode] {
        var out: [CommentNode] = []
        var stack = Array(threads.reversed())
        while let node = stack.popLast() {
            out.append(node)
            stack.append(contentsOf: node.replies.reversed())
        }
        return out
    }
}
