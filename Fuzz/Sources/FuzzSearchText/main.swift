import Foundation
import FuzzSupport
@testable import Search

// Any text → its search terms (the index's hot path, byte by byte through the fold table).
// - Any bytes (read as UTF-8, invalid sequences repaired) are scanned without a crash or an
//   out-of-bounds access.
// - The terms are the ones the definitions give (SearchText.referenceTerms): each word folded
//   as a String, without those that fold to nothing or to a stop word, stemmed, in order.
// - Terms are never empty, and the body terms packed for the build cache unpack to the same counts.
FuzzDriver.run { data in
    let text = String(decoding: data, as: UTF8.self)
    let terms = SearchText.terms(in: text)
    let expected = SearchText.referenceTerms(in: text)
    Invariant.require(terms == expected, "the scanner's terms differ from the definitions': \(terms) vs \(expected)")
    Invariant.require(!terms.contains(""), "an empty term")
    let body = BodyTerms(text: text)
    var counts: [String: Int] = [:]
    body.forEach { counts[$0, default: 0] += $1 }
    Invariant.require(counts == Dictionary(terms.map { ($0, 1) }, uniquingKeysWith: +) && body.length == terms.count,
                      "packed counts differ")
    Invariant.require(BodyTerms(packed: body.packed, length: body.length) == body, "packed terms do not unpack")
}
