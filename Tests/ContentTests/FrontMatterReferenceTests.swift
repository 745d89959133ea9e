import Foundation
import Testing
@testable import Content

/// `docs/front-matter.md` lists every front matter key, and nothing else.
@Suite struct FrontMatterReferenceTests {
    private static func text() throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/front-matter.md")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The keys in the first column of the tables of `part` of the reference.
    private static func keys(in part: Substring) -> Set<String> {
        Set(part.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            let key = line.dropFirst(3).prefix { $0 != "`" }
            return key.isEmpty ? nil : String(key)
        })
    }

    @Test func everyKeyIsDocumentedAndNoOther() throws {
        let text = try Self.text()
        let profiles = text.range(of: "\n## Section profiles\n")?.lowerBound ?? text.endIndex
        let documented = Self.keys(in: text[..<profiles])
        let inCode = Set(FrontMatterParser.knownKeys).union(FrontMatterReader.imageKeys.map { "image." + $0 })
        #expect(documented.count > 15)
        #expect(inCode.subtracting(documented).isEmpty, "not in docs/front-matter.md: \(inCode.subtracting(documented).sorted())")
        #expect(documented.subtracting(inCode).isEmpty, "documented but unknown: \(documented.subtracting(inCode).sorted())")
    }

    @Test func everyProfileKeyIsDocumentedAndNoOther() throws {
        let text = try Self.text()
        let start = try #require(text.range(of: "\n## Section profiles\n")?.upperBound)
        let end = try #require(text.range(of: "\n## Author profiles\n")?.lowerBound)
        #expect(Self.keys(in: text[start..<end]) == Set(SectionProfile.knownKeys))
    }

    @Test func everyAuthorKeyIsDocumentedAndNoOther() throws {
        let text = try Self.text()
        let start = try #require(text.range(of: "\n## Author profiles\n")?.upperBound)
        let end = try #require(text.range(of: "\n## Plain pages\n")?.lowerBound)
        #expect(Self.keys(in: text[start..<end]) == Set(AuthorProfile.knownKeys))
    }

    @Test func everyPageKeyIsDocumentedAndNoOther() throws {
        let text = try Self.text()
        let pages = try #require(text.range(of: "\n## Plain pages\n")?.upperBound)
        #expect(Self.keys(in: text[pages...]) == Set(PageFrontMatter.knownKeys))
    }
}
