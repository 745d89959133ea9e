import Diagnostics
import Foundation
import Testing
@testable import Content

/// Lone carriage returns end lines, as they do for YAML and Markdown, so every diagnostic
/// points at a line the file has (found by fuzzing: `Fuzz/Corpus/FuzzFrontMatter/regression-lone-cr`).
@Suite struct LineEndingTests {
    @Test func loneCarriageReturnsAreLineEndings() {
        #expect(FrontMatterBlock.normalized("a\rb\r\nc\n\rd\r") == "a\nb\nc\n\nd\n")
        let output = parse("---\rtitle: T\rteaser: D\rdate: 2022-06-01\rauthors: [A]\r---\rErste Zeile\rZweite")
        #expect(output.diagnostics.isEmpty)
        #expect(output.frontMatter?.title == "T")
        #expect(output.body == "Erste Zeile\nZweite")
        #expect(output.bodyLine == 7)
    }

    @Test func yamlErrorsAfterLoneCarriageReturnsPointAtARealLine() {
        // The fuzzer's minimized input: "---\n\r\r\r\u{FF}\n---".
        let text = String(decoding: [0x2D, 0x2D, 0x2D, 0x0A, 0x0D, 0x0D, 0x0D, 0xFF, 0x0A, 0x2D, 0x2D, 0x2D], as: UTF8.self)
        let output = parse(text)
        #expect(output.frontMatter == nil)
        let lines = FrontMatterBlock.normalized(text).split(separator: "\n", omittingEmptySubsequences: false).count
        for diagnostic in output.diagnostics {
            #expect((diagnostic.location?.line ?? 0) <= lines, "\(diagnostic)")
            #expect(diagnostic.sourceLine != nil, "\(diagnostic)")
        }
        #expect(output.diagnostics.first?.location?.line == 5)
    }
}
