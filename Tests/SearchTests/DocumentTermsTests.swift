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

    /// Fields' terms come in any order (a body in the order it first has them): each term
    /// is visited once, with the counts of every field, also when words share their first
    /// eight letters.
    @Test func eachTermOnceWithTheCountsOfEveryField() {
        let words = ["Kasachstan", "Kasachstans", "Bürgergeld", "Bürgergeldes", "Verfassungsgericht",
                     "Verfassungsgerichtes", "Verfassungsschutz", "Rat", "Räte", "Zoll", "Ökonomie", "Öl", "a1", "x"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            func text(_ count: Int) -> String {
                (0..<Int.random(in: 0...count, using: &generator)).map { _ in words.randomElement(using: &generator) ?? "" }
                    .joined(separator: " ")
            }
            let (title, teaser, body) = (text(4), text(8), text(40))
            let document = SearchDocument(url: "/a/", title: title, teaser: teaser, date: "", body: .terms(BodyTerms(text: body)))
            var expected: [String: DocumentTerms.Counts] = [:]
            for term in SearchText.referenceTerms(in: title) { expected[term, default: .init()].title += 1 }
            for term in SearchText.referenceTerms(in: teaser) { expected[term, default: .init()].teaser += 1 }
            for term in SearchText.referenceTerms(in: body) { expected[term, default: .init()].body += 1 }
            var visited: [String] = []
            var counts: [String: DocumentTerms.Counts] = [:]
            DocumentTerms(document).forEach { term, count in
                let term = String(decoding: term, as: UTF8.self)
                visited.append(term)
                counts[term] = count
            }
            #expect(visited.count == Set(visited).count, "\(title) | \(teaser) | \(body)")
            #expect(counts == expected, "\(title) | \(teaser) | \(body)")
        }
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
