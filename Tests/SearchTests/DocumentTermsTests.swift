import Testing
@testable import Search

@Suite struct DocumentTermsTests {
    static let document = SearchDocument(
        url: "/politik/kasachstan/", title: "Russland und Kasachstan", teaser: "Was Kasachstan von Russland will.",
        kicker: "Analyse", section: "Politik", authors: ["Erika Muster"], tags: ["Zentralasien"], date: "2026-12-03",
        body: .terms(BodyTerms(text: "Kasachstan liegt zwischen Russland und China. Die Kasachen wählen.")))

    @Test func countsEachFieldApart() {
        let terms = DocumentTerms(Self.document)
        let kasachstan = GermanStemmer.stem("kasachstan", capitalized: true)
        #expect(terms.counts[kasachstan] == .init(title: 1, teaser: 1, body: 1))
        #expect(terms.counts[SearchText.terms(in: "Analyse")[0]]?.title == 1, "the kicker counts as title")
        #expect(terms.counts[SearchText.terms(in: "Zentralasien")[0]]?.teaser == 1, "tags count as teaser")
        #expect(terms.counts[SearchText.terms(in: "Muster")[0]]?.teaser == 1, "authors count as teaser")
        #expect(terms.bodyLength == 7, "und, Die are stop words")
    }

    @Test func lengthBucketsGrowByAQuarter() {
        func bucket(_ words: Int) -> Int {
            var document = Self.document
            document.body = .terms(BodyTerms(text: Array(repeating: "wort", count: words).joined(separator: " ")))
            return DocumentTerms(document).lengthBucket
        }
        #expect(bucket(0) == 0 && bucket(1) == 0 && bucket(2) == 4)
        #expect(bucket(1000) == bucket(1005), "a small edit keeps the bucket")
        #expect(bucket(1000) < bucket(1300))
    }
}
