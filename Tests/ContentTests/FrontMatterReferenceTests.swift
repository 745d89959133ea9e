import Foundation
import Testing
@testable import Content

/// `docs/front-matter.md` lists every front matter key, and nothing else.
@Suite struct FrontMatterReferenceTests {
    @Test func everyKeyIsDocumentedAndNoOther() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/front-matter.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let documented = Set(text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            let key = line.dropFirst(3).prefix { $0 != "`" }
            return key.isEmpty ? nil : String(key)
        })
        let inCode = Set(FrontMatterParser.knownKeys).union(FrontMatterReader.imageKeys.map { "image." + $0 })
        #expect(documented.count > 15)
        #expect(inCode.subtracting(documented).isEmpty, "not in docs/front-matter.md: \(inCode.subtracting(documented).sorted())")
        #expect(documented.subtracting(inCode).isEmpty, "documented but unknown: \(documented.subtracting(inCode).sorted())")
    }
}
