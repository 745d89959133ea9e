import Diagnostics
import Foundation
import Testing
@testable import CommentImport

@Suite struct ExportRepairTests {
    /// The mended bytes of `text` (nil when nothing needed mending) and the repair messages.
    func mend(_ text: String) throws -> (String?, [String]) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("repair-\(UUID().uuidString).xml")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try ExportRepair.repaired(url, file: "x.xml")
        defer { if let copy = result.copy { try? FileManager.default.removeItem(at: copy) } }
        let mended = try result.copy.map { String(decoding: try Data(contentsOf: $0), as: UTF8.self) }
        #expect(result.count >= result.repairs.count)
        return (mended, result.repairs.map(\.description))
    }

    @Test func nestedSectionsAreUnwrappedAtTheirLine() throws {
        let (mended, repairs) = try mend("<a>\n<c><![CDATA[ a\n<![CDATA[ b ]]> c ]]></c>\n</a>")
        #expect(mended == "<a>\n<c><![CDATA[ a\n b  c ]]></c>\n</a>")
        #expect(repairs == ["x.xml:3:1: warning: unwrapped a CDATA section nested in another (a bug of old WordPress exports)"])
    }

    @Test func deeperNestingAndSeveralSections() throws {
        let (mended, repairs) = try mend("<a><c><![CDATA[1<![CDATA[2<![CDATA[3]]>4]]>5]]></c><d><![CDATA[x<![CDATA[y]]>z]]></d></a>")
        #expect(mended == "<a><c><![CDATA[12345]]></c><d><![CDATA[xyz]]></d></a>")
        #expect(repairs.count == 2)
    }

    @Test(arguments: [
        "<a><c><![CDATA[plain]]></c></a>",
        // A '<![CDATA[' that is text inside a section.
        "<a><c><![CDATA[Wer <![CDATA[ schreibt]]></c></a>",
        // WordPress's own way of writing ']]>' inside a section.
        "<a><c><![CDATA[a ]]]]><![CDATA[> b]]></c></a>",
        "<a><c><![CDATA[x <![CDATA[ y ]]]]><![CDATA[> z]]></c></a>",
        // Valid XML: the section ends at the first ']]>' and text follows it.
        "<a><c><![CDATA[ a <![CDATA[ b ]]> c </c><d><![CDATA[d]]></d></a>",
        "<a><!-- <![CDATA[ in a comment --><c>]]&gt;</c></a>",
    ])
    func wellFormedExportsAreLeftAlone(_ text: String) throws {
        let (mended, repairs) = try mend(text)
        #expect(mended == nil && repairs.isEmpty)
    }

    @Test func controlCharactersAreRemovedOrMadeSpaces() throws {
        let (mended, repairs) = try mend("<a>\n<b>x\u{1}y\u{0B}z</b><![CDATA[\u{0C}]]>\u{1F}\t\r\n</a>")
        #expect(mended == "<a>\n<b>xy z</b><![CDATA[ ]]>\t\r\n</a>")
        #expect(repairs == [
            "x.xml:2:5: warning: removed a control character (U+0001) that XML does not allow",
            "x.xml:2:7: warning: replaced a control character (U+000B) that XML does not allow by a space",
            "x.xml:2:22: warning: replaced a control character (U+000C) that XML does not allow by a space",
            "x.xml:2:26: warning: removed a control character (U+001F) that XML does not allow",
        ])
    }

    @Test func manyRepairsAreCountedNotAllListed() throws {
        let text = "<a>" + String(repeating: "\u{1}", count: 25) + "</a>"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("repair-\(UUID().uuidString).xml")
        try Data(text.utf8).write(to: url)
        let result = try ExportRepair.repaired(url, file: "x.xml")
        #expect(result.count == 25)
        #expect(result.repairs.count == ExportRepair.locatedPerKind + 1)
        #expect(result.repairs.last?.message == "15 more control characters repaired")
    }

    @Test func sectionsLongerThanAChunkAreMended() throws {
        let long = String(repeating: "Wort ", count: 600_000)
        let (mended, repairs) = try mend("<a><c><![CDATA[\(long)<![CDATA[ b ]]> \(long)]]></c></a>")
        #expect(mended == "<a><c><![CDATA[\(long) b  \(long)]]></c></a>")
        #expect(repairs.count == 1)
    }

    @Test func utf16ExportsAreLeftToTheParser() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<a>\u{4E0B}\u{0B}</a>".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("repair-\(UUID().uuidString).xml")
        try Data(bytes).write(to: url)
        let result = try ExportRepair.repaired(url, file: "x.xml")
        #expect(result.copy == nil && result.count == 0)
    }

    /// Markers that end right at, or straddle, the end of the first 1 MiB chunk.
    @Test(arguments: -12...3)
    func markersAtTheChunkBoundaryAreSeenWhole(_ shift: Int) throws {
        let head = "<x><![CDATA[ a <![CDATA[ b ]]> c "
        let padding = String(repeating: "w", count: (1 << 20) - 3 + shift - head.utf8.count)
        let (mended, repairs) = try mend(head + padding + "]]></x>")
        #expect(mended == "<x><![CDATA[ a  b  c " + padding + "]]></x>")
        #expect(repairs.count == 1)
        let text = "<x><![CDATA[ see <![CDATA[ a ]]> then "
        let fill = String(repeating: "w", count: (1 << 20) - 3 + shift - text.utf8.count)
        let wellFormed = try mend(text + fill + "<![CDATA[ b ]]></x>")
        #expect(wellFormed.0 == nil, "shift \(shift)")
    }

    @Test func onlyTheSectionsOwnEndTagEndsIt() throws {
        let (mended, _) = try mend("<x><![CDATA[<p><![CDATA[inner]]></p> rest]]></x>")
        #expect(mended == "<x><![CDATA[<p>inner</p> rest]]></x>")
        let untouched = try mend("<x><![CDATA[ a <![CDATA[ b ]]><!-- ]]></y> --></x>")
        #expect(untouched.0 == nil)
    }

    @Test func aMendedSectionMakesNoStrayEnd() throws {
        let (mended, _) = try mend("<x><![CDATA[ a ]]<![CDATA[> b ]]> c ]]></x>")
        #expect(mended == "<x><![CDATA[ a ]]]]><![CDATA[> b  c ]]></x>")
    }
}
