import Foundation
@testable import Images
import Testing

/// The credit a photo's IPTC and XMP metadata carry: photos come from anywhere, so their
/// metadata is untrusted input.
@Suite struct EmbeddedCreditTests {
    @Test func anXMPPacketThatIsNotUTF8IsIgnored() {
        // An element name with bytes that are not UTF-8 made Foundation's XMLParser trap.
        let packet = Array("<x:xmpmeta><p".utf8) + [0xFF, 0xFF] + Array(">D</p><dc:creator>Erika</dc:creator></x:xmpmeta>".utf8)
        #expect(EmbeddedCredit.xmp(packet) == EmbeddedCredit())
    }

    @Test func aPhotoWhoseXMPTheParserCannotReadIsReadWithoutACredit() throws {
        // small.jpg with an XMP segment (APP1) whose packet has a name that is not UTF-8.
        let photo = try [UInt8](Data(contentsOf: URL(fileURLWithPath: DerivativesTests.fixture("small.jpg"))))
        let packet = Array("<x:xmpmeta><p".utf8) + [0xFF, 0xFF] + Array("><dc:creator>Erika</dc:creator></p></x:xmpmeta>".utf8)
        let payload = Array("http://ns.adobe.com/xap/1.0/".utf8) + [0] + packet
        let segment: [UInt8] = [0xFF, 0xE1, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-xmp-\(UUID().uuidString).jpg")
        try Data(photo.prefix(2) + segment + photo.dropFirst(2)).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let info = try ImageInfo.read(file.path)
        #expect(info.format == .jpeg)
        #expect(info.credit == EmbeddedCredit())
    }

    @Test func anXMPPacketWithAnEmptyProcessingInstructionIsIgnored() {
        // `<?x?>` made XMLParser trap as well.
        let packet = Array("<?x?><x:xmpmeta><dc:creator>Erika</dc:creator></x:xmpmeta>".utf8)
        #expect(EmbeddedCredit.xmp(packet) == EmbeddedCredit())
    }

    @Test func aPacketWithADocumentTypeIsIgnored() {
        // An entity can hold `<?x?>` out of sight of any check of the bytes.
        let packet = Array(#"<!DOCTYPE x [<!ENTITY e "&#60;?x?&#62;">]><x:xmpmeta>&e;<dc:creator>Erika</dc:creator></x:xmpmeta>"#.utf8)
        #expect(EmbeddedCredit.xmp(packet) == EmbeddedCredit())
    }

    @Test func anInstructionAfterARepairIsSeenWhereverItIs() {
        // Fuzz/Corpus/FuzzImageCredit/regression-xmp-instruction-after-error: past the broken
        // tag `<e<` the parser read on, repairing, and took `<?x?>` for an instruction, while
        // a reader of the bytes took it for the text of the comment `<!--`. It ended the process.
        #expect(EmbeddedCredit.xmp(Array("<e<!--\u{1}<?x?>".utf8)) == EmbeddedCredit())
        #expect(EmbeddedCredit.xmp(Array("<x:xmpmeta><? <?x?><dc:creator>Erika</dc:creator></x:xmpmeta>".utf8)) == EmbeddedCredit())
    }

    @Test func aPacketDeclaringAnotherEncodingEndsNothing() {
        // Stopping the parser from its error callback ended the process on these.
        for encoding in ["UTF-32", "UTF-32LE", "UTF-16", "ISO-8859-1"] {
            let packet = Array("<?xml version=\"1.0\" encoding=\"\(encoding)\"?><x:xmpmeta><dc:creator>Erika</dc:creator></x:xmpmeta>".utf8)
            _ = EmbeddedCredit.xmp(packet)
        }
        let latin1 = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><x:xmpmeta><dc:creator>Erika</dc:creator></x:xmpmeta>".utf8)
        #expect(EmbeddedCredit.xmp(latin1) == EmbeddedCredit(byline: "Erika"))
    }

    @Test func undeclaredPrefixesAreNoError() {
        let packet = Array(#"<x:xmpmeta><rdf:Description photoshop:Credit="dpa"><dc:creator>Erika</dc:creator></rdf:Description></x:xmpmeta>"#.utf8)
        #expect(EmbeddedCredit.xmp(packet) == EmbeddedCredit(byline: "Erika", credit: "dpa"))
    }

    @Test func aUTF16PacketIsIgnored() {
        let packet: [UInt8] = [0xFF, 0xFE] + Array("<dc:creator>Erika</dc:creator>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(EmbeddedCredit.xmp(packet) == EmbeddedCredit())
    }

    @Test func aPacketAsAgenciesWriteItIsRead() {
        let packet = Array("""
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description photoshop:Credit=" dpa " xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">
            <dc:creator><rdf:Seq><rdf:li>Erika Muster</rdf:li><rdf:li>Max Beispiel</rdf:li></rdf:Seq></dc:creator>
            <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© 2026 dpa</rdf:li></rdf:Alt></dc:rights>
            </rdf:Description></rdf:RDF></x:xmpmeta>
            <?xpacket end="w"?>
            """.utf8) + [0, 0, 0]
        #expect(EmbeddedCredit.xmp(packet) == EmbeddedCredit(byline: "Erika Muster", credit: "dpa", copyright: "© 2026 dpa"))
    }
}
