import Diagnostics
import Foundation
import Testing
@testable import CommentImport
@testable import Comments

/// What Foundation's XMLParser would crash on is an error at its position instead: names and
/// comments that are not UTF-8, and processing instructions without data (found by fuzzing
/// both importers: `Fuzz/Corpus/FuzzWXRImport/regression-*` and `FuzzDisqusImport/regression-*`).
@Suite struct ExportPrecheckTests {
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

    @Test func singleByteEncodingsAreLeftToTheParser() {
        #expect(!ExportPrecheck.declaresSingleByteEncoding(Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss/>".utf8)))
        #expect(!ExportPrecheck.declaresSingleByteEncoding(Array("<rss/>".utf8)))
        #expect(ExportPrecheck.declaresSingleByteEncoding(Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>".utf8)))
        #expect(ExportPrecheck.declaresSingleByteEncoding(Array("<?xml version='1.0' encoding='windows-1252' ?>".utf8)))
    }

    @Test func onlyAWellFormedDeclarationNamesTheEncoding() throws {
        // Fuzz/Corpus/FuzzDisqusImport/regression-broken-declaration-latin1: a broken first
        // declaration, an element name with 0xFF bytes, and a Latin-1 declaration further on.
        // The precheck took the second declaration's encoding and skipped the UTF-8 check;
        // libxml2 read the file as UTF-8 and XMLParser crashed on the element name.
        let broken = Array("<?xml veblockquote><p".utf8) + [0xFF, 0xFF] + Array(">D</p><?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>".utf8)
        #expect(!ExportPrecheck.declaresSingleByteEncoding(broken))
        #expect(try error(importing: broken, as: .disqus)
            == "bad.xml:1:22: error: the export is not valid UTF-8 (the file may be damaged or in another encoding)")
        for declaration in [
            "<?xml encoding=\"ISO-8859-1\"?>", "<?xml version=\"1.0\"encoding=\"ISO-8859-1\"?>",
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1?>", "<?xml version=\"1.0\" x=\"y\" encoding=\"ISO-8859-1\"?>",
            "<?xmlversion=\"1.0\" encoding=\"ISO-8859-1\"?>",
        ] {
            #expect(!ExportPrecheck.declaresSingleByteEncoding(Array(declaration.utf8)), "\(declaration)")
        }
        #expect(ExportPrecheck.declaresSingleByteEncoding(Array("\u{FEFF}<?xml version=\"1.0\" encoding=\"latin1\" standalone=\"yes\"?>".utf8)))
    }

    @Test func garbledEncodingDeclarationIsCheckedAsUTF8() throws {
        // A damaged declaration made the importer skip the UTF-8 check; the comment then crashed XMLParser.
        let bytes = Array("<?xml version=\"1.0\" encoding=".utf8) + [0xDE, 0xA3] + Array("TF-8\" ?>\n<!-- Syn".utf8)
            + [0xA5] + Array("thetic -->\n<rss/>".utf8)
        #expect(try error(importing: bytes, as: .wordpress)?.hasPrefix("bad.xml:2:9: error: the export is not valid UTF-8") == true)
    }

    @Test func processingInstructionWithoutData() throws {
        #expect(try error(importing: Array("<?x?>".utf8), as: .wordpress)
            == "bad.xml:1:1: error: a processing instruction without data ('<?name?>') that the XML parser cannot read")
        #expect(try error(importing: Array("<disqus>\n  <?pi ?></disqus>".utf8), as: .disqus)?.hasPrefix("bad.xml:2:3: error: a processing instruction") == true)
        // Inside CDATA and comments it is text, and an instruction with data is harmless.
        let text = "<?xml version=\"1.0\"?><disqus><!-- <?x?> --><post dsq:id=\"1\"><thread dsq:id=\"2\"/><createdAt>2022-01-01T00:00:00Z</createdAt><message><![CDATA[<?php?>]]></message></post><?pi data?></disqus>"
        #expect(try error(importing: Array(text.utf8), as: .disqus) == nil)
    }

    @Test func aDocumentTypeDeclarationIsAnError() throws {
        // Its entity holds `<?pi?>` as character references, out of sight of any check of the
        // bytes; XMLParser expanded it and ended the process.
        let crafted = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE rss [<!ENTITY e \"&#60;?pi?&#62;\">]>\n<rss><channel>&e;</channel></rss>\n"
        #expect(try error(importing: Array(crafted.utf8), as: .wordpress)
            == "bad.xml:2:1: error: a document type declaration ('<!DOCTYPE'), which comment exports never have"
            + " (its entities can hide what the XML parser cannot read; remove the declaration)")
        // Inside CDATA and comments it is text: a reader may quote HTML.
        let quoted = "<?xml version=\"1.0\"?><disqus><!-- <!DOCTYPE x> --><post dsq:id=\"1\"><thread dsq:id=\"2\"/><createdAt>2022-01-01T00:00:00Z</createdAt><message><![CDATA[<!DOCTYPE html>]]></message></post></disqus>"
        #expect(try error(importing: Array(quoted.utf8), as: .disqus) == nil)
    }

    @Test func readingStopsAtTheFirstError() throws {
        // Past the broken tag `<e<` a parser that read on, repairing, would take `<?x?>` for an
        // instruction, where the precheck sees the text of a comment (a photo's XMP packet of
        // this shape ended the process). The streaming parser stops at the break.
        let export = "<?xml version=\"1.0\"?>\n<rss><channel><e<!--\u{1}<?x?></channel></rss>\n"
        #expect(try error(importing: Array(export.utf8), as: .wordpress) == "bad.xml:2:17: error: the export is not well-formed XML: a malformed name")
    }

    @Test func anExportBrokenInItsFirstChunkIsAnErrorNotACrash() throws {
        // Fuzz/Corpus/FuzzDisqusImport/regression-abort-in-error-callback: stopping the
        // streaming parser from its error callback made it parse the next chunk with a context
        // it had let go of.
        let input = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/Corpus/FuzzDisqusImport/regression-abort-in-error-callback")
        let bytes = try [UInt8](Data(contentsOf: input))
        #expect(try error(importing: bytes, as: .disqus)?.hasPrefix("bad.xml:1:1: error: the export is not well-formed XML") == true)
    }

    @Test func anInstructionWithoutANameIsAnError() throws {
        // The parser repaired `<? ` and read on, taking `<?x?>` for an instruction, which the
        // precheck had counted as the first one's data (found by FuzzWXRImport).
        #expect(try error(importing: Array("<? <?x?>ml=\"UTF8 ?> \n<! &\u{2}".utf8), as: .wordpress)
            == "bad.xml:1:1: error: a processing instruction without a name ('<? '), which the XML parser cannot read safely")
    }

    @Test func anInstructionLeftEmptyByARepairIsAnError() throws {
        // Removing the control character would leave `<?x?>`, which XMLParser cannot survive.
        #expect(try error(importing: Array("<?x?".utf8) + [0x11] + Array(">".utf8), as: .wordpress)
            == "bad.xml:1:1: error: a processing instruction without data ('<?name?>') that the XML parser cannot read")
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
