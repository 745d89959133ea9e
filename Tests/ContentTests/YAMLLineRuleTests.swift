import Diagnostics
import Foundation
import Testing
@testable import Content

/// libyaml also ends lines at U+0085, U+2028 and U+2029; magbuild's line rule (``SourceText``)
/// does not, so YAML positions are moved to it: every front matter diagnostic points at a
/// line and column the file has.
@Suite struct YAMLLineRuleTests {
    private func parse(_ text: String) -> FrontMatterParser.Output {
        FrontMatterParser.parse(text: text, file: "a.md", timeZone: TimeZone(identifier: "Europe/Berlin") ?? .gmt)
    }

    @Test func errorsAfterAUnicodeLineSeparatorStayOnTheirLine() {
        let text = "---\ntitle: \"A\u{2028}B\"\nteaser: [\n---\n"
        // The end of the YAML, where libyaml's error is, is the closing line as without U+2028:
        // without the move it was line 5 of a file with 5 lines, the last one empty.
        #expect(parse(text).diagnostics.map { $0.location?.description ?? "" } == ["a.md:4:1"])
        #expect(parse("---\ntitle: \"AB\"\nteaser: [\n---\n").diagnostics.map { $0.location?.description ?? "" } == ["a.md:4:1"])
        // A tab that cannot start a token, on file line 4 (libyaml's YAML line 4, file line 5).
        let afterSeparator = parse("---\ntitle: \"A\u{2028}B\"\nteaser: x\n\tdate: y\n---\n")
        #expect(afterSeparator.diagnostics.first?.location?.description == "a.md:4:1")
    }

    @Test func aMarkAfterALineSeparatorMapsToTheSameLine() {
        // libyaml's line 2, column 2 is the `B` after U+2028: magbuild's line 1, column 5.
        let source = YAMLSource(file: "s.yml", text: "a: \u{2028}B\nc: d", lineOffset: 0, followedByLine: false)
        #expect(source.location(line: 2, column: 1).description == "s.yml:1:5")
        #expect(source.location(line: 3, column: 1).description == "s.yml:2:1")
        #expect(YAMLSource.byteOffset(ofYAMLLine: 1, column: 99, in: "ab\ncd") == 2)
    }

    @Test func linesWithoutUnicodeBreaksAreLibyamlsOwn() {
        let source = YAMLSource(file: "s.yml", text: "a: b\nc: d", lineOffset: 3, followedByLine: false)
        #expect(source.location(line: 2, column: 4).description == "s.yml:5:4")
    }

    @Test func theEndOfAFileWithoutAFinalLineBreakIsOnItsLastLine() {
        // libyaml reports the end of the stream at line 3, column 1 of this two-line file.
        let (_, diagnostics) = SiteConfig.parse(yaml: "title: \"T\"\nba\u{FFFD}$")
        #expect(diagnostics.map { $0.location?.description ?? "" } == ["site.yml:2:5"])
        let separated = YAMLSource(file: "s.yml", text: "a: \u{2028}b\nc", lineOffset: 0, followedByLine: false)
        #expect(separated.location(line: 4, column: 1).description == "s.yml:2:2")
        // With the final line break, the empty line after it is the file's last line.
        #expect(YAMLSource(file: "s.yml", text: "a: b\n", lineOffset: 0, followedByLine: false).location(line: 2, column: 1).description == "s.yml:2:1")
    }

    @Test func duplicateKeysAreReportedTheSameWayEveryTime() {
        // Yams orders a key that is not text (here the mapping `g: 1`) inconsistently against text
        // keys: the same file gave `4:1 … 'timezone', '<uncovertable>', 'comments'` and `10:1 … 'comments', …`.
        let text = "title: a\ncomments: 1\n? g: 1\ntimezone: x\ncomments: 2\n? g: 1\ntimezone: y\n"
        let first = SiteConfig.parse(yaml: text).diagnostics
        #expect(first.map(\.description) == ["site.yml:1:1: error: duplicate key 'comments', 'timezone', a key that is not text (each key may appear only once)"])
        for _ in 0..<20 { #expect(SiteConfig.parse(yaml: text).diagnostics == first) }
        let plain = SiteConfig.parse(yaml: "title: a\npaginate: 2\ntitle: b\n").diagnostics
        #expect(plain.map { $0.location?.description ?? "" } == ["site.yml:1:1"])
    }

    @Test func readerErrorsAreLocatedByTheRule() {
        // A control character (U+0001) is not allowed in YAML: libyaml's reader stops there.
        let output = parse("---\ntitle: T\rteaser: x\u{1}\n---\n")
        #expect(output.diagnostics.first?.location?.description == "a.md:3:10")
    }
}
