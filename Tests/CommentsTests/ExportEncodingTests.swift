import Diagnostics
import Foundation
import Testing
@testable import Comments

/// An export whose bytes are not UTF-8 is an error at its position, not a crash: Foundation's
/// XMLParser traps on names that are not UTF-8 (found by fuzzing both importers:
/// `Fuzz/Corpus/FuzzWXRImport/regression-invalid-utf8-name` and its Disqus twin).
@Suite struct ExportEncodingTests {
    func error(importing bytes: [UInt8], as format: ExportFormat) throws -> String? {
        let site = try ImportSite()
        let url = site.root.appendingPathComponent("bad.xml")
        try Data(bytes).write(to: url)
        do {
            _ = try site.run(format, export: url, name: "bad.xml")
            return nil
        } catch let list as DiagnosticList {
            return list.diagnostics.first?.description
        }
    }

    @Test func elementNameThatIsNotUTF8() throws {
        #expect(try error(importing: [0x3C, 0xFF, 0x00, 0x00, 0x69], as: .wordpress)
            == "bad.xml:1:2: error: the export is not valid UTF-8 (the file may be damaged or in another encoding)")
        #expect(try error(importing: [0x3C, 0xFF, 0x0A, 0x75, 0x73], as: .disqus)
            == "bad.xml:1:2: error: the export is not valid UTF-8 (the file may be damaged or in another encoding)")
    }

    @Test func positionCountsLinesAndCharacters() throws {
        let bytes = Array("<rss>\n<channel>ä<".utf8) + [0xC3, 0x28] + Array("/channel></rss>".utf8)
        #expect(try error(importing: bytes, as: .wordpress)?.hasPrefix("bad.xml:2:12: error: the export is not valid UTF-8") == true)
    }

    @Test func otherDeclaredEncodingsAreLeftToTheParser() {
        #expect(ExportEncoding.declaresUTF8(Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss/>".utf8)))
        #expect(ExportEncoding.declaresUTF8(Array("<rss/>".utf8)))
        #expect(ExportEncoding.declaresUTF8(Array("<?xml version='1.0' encoding='utf8' ?>".utf8)))
        #expect(!ExportEncoding.declaresUTF8(Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>".utf8)))
        #expect(!ExportEncoding.declaresUTF8([0xFF, 0xFE, 0x3C, 0x00]))
    }

    @Test func latin1ExportWithUmlautsStillImports() throws {
        let site = try ImportSite()
        let head = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><title>K"
        let bytes = Array(head.utf8) + [0xF6] + Array("ln</title></channel></rss>\n".utf8)
        let url = site.root.appendingPathComponent("latin1.xml")
        try Data(bytes).write(to: url)
        let report = try site.run(.wordpress, export: url, name: "latin1.xml")
        #expect(report.comments == 0)
    }
}
