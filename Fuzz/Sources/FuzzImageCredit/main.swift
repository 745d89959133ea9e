import Foundation
import FuzzSupport
@testable import Images

// A photo's IPTC and XMP metadata → its credit. The first byte picks what the rest is: an
// IPTC block (0), an XMP packet (1), or both, cut at the middle (2).
// - Any bytes are read without a crash: Foundation's XMLParser ends the process on some XML
//   (a name that is not UTF-8, `<?x?>`), which must not reach it.
// - Every field found is non-empty, with no whitespace or line break at either end.
// - From both, each field is IPTC's when IPTC has one, else XMP's.
// - Reading is deterministic.
FuzzDriver.run { data in
    let bytes = [UInt8](data)
    guard let selector = bytes.first else { return }
    let rest = Array(bytes.dropFirst())
    let credit: EmbeddedCredit
    switch selector % 3 {
    case 0:
        credit = EmbeddedCredit.iptc(rest)
        Invariant.require(EmbeddedCredit.iptc(rest) == credit, "two readings of one IPTC block differ")
    case 1:
        credit = EmbeddedCredit.xmp(rest)
        Invariant.require(EmbeddedCredit.xmp(rest) == credit, "two readings of one XMP packet differ")
    default:
        let iptc = Array(rest[..<(rest.count / 2)]), xmp = Array(rest[(rest.count / 2)...])
        credit = EmbeddedCredit(iptc: iptc, xmp: xmp)
        let (fromIPTC, fromXMP) = (EmbeddedCredit.iptc(iptc), EmbeddedCredit.xmp(xmp))
        Invariant.require(
            credit == EmbeddedCredit(
                byline: fromIPTC.byline ?? fromXMP.byline, credit: fromIPTC.credit ?? fromXMP.credit,
                copyright: fromIPTC.copyright ?? fromXMP.copyright),
            "IPTC does not win over XMP field by field")
    }
    for (name, field) in [("byline", credit.byline), ("credit", credit.credit), ("copyright", credit.copyright)] {
        guard let field else { continue }
        let edges = [field.unicodeScalars.first, field.unicodeScalars.last].compactMap { $0 }
        Invariant.require(!edges.isEmpty, "an empty \(name)")
        Invariant.require(
            !edges.contains { CharacterSet.whitespacesAndNewlines.contains($0) }, "the \(name) \(field.debugDescription) is not trimmed")
    }
}
