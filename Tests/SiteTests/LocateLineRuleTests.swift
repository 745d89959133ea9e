import Diagnostics
import Foundation
import Testing
@testable import Site

/// `magbuild check` finds front matter values by magbuild's one line rule (``SourceText``):
/// a lone `\r` ends a line and columns count Unicode scalars.
@Suite struct LocateLineRuleTests {
    private func site(_ text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-locate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: folder.appendingPathComponent("a.md"))
        return folder
    }

    @Test func locateCountsLoneCarriageReturnsAndScalars() throws {
        let folder = try site("---\rtitle: \"Ü\"\raliases: [\"e\u{301}/alt/\"]\r---\rText")
        defer { try? FileManager.default.removeItem(at: folder) }
        // `e` plus a combining accent is one character, two columns: `/alt/` starts at column 14.
        #expect(SiteFiles.locate("/alt/", in: "a.md", site: folder) == SourceLocation(file: "a.md", line: 3, column: 14))
        #expect(SiteFiles.locate("missing", in: "a.md", site: folder) == SourceLocation(file: "a.md"))
    }

    @Test func frontMatterLinesFollowTheRule() throws {
        let folder = try site("---\r\ntitle: \"T\"\rimage:\r  src:   lead.jpg\r---\rBody")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = FrontMatterLines(site: folder, file: "a.md", bodyLine: 6)
        #expect(lines.locate(key: "image.src").0 == SourceLocation(file: "a.md", line: 4, column: 10))
        #expect(lines.locate(key: "image.src").1 == "  src:   lead.jpg")
        #expect(lines.locate(needle: "\"T\"").0 == SourceLocation(file: "a.md", line: 2, column: 8))
    }
}
