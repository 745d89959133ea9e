import Foundation
import Testing
@testable import Search

@Suite struct SearchIndexTests {
    static func document(_ slug: String, _ title: String, body: String, weight: Double = 1) -> SearchDocument {
        SearchDocument(url: "/politik/\(slug)/", title: title, teaser: "Teaser zu \(title).", section: "Politik",
                       authors: ["Erika Muster"], date: "2026-12-0\(slug.count % 9 + 1)", body: .terms(BodyTerms(text: body)), weight: weight)
    }

    static let documents = [
        document("kasachstan", "Russland und Kasachstan", body: "Kasachstan liegt zwischen Russland und China."),
        document("buergergeld", "Das Bürgergeld kommt", body: "Das Bürgergeld ersetzt Hartz IV. Bürger fragen nach."),
        document("wahl", "Die Wahl in Haldenau", body: "Die Wahlen in Haldenau bringen einen neuen Stadtrat."),
    ]

    /// A stand-in for the build's content hash: FNV-1a of the bytes, in hex.
    @Sendable static func hash(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    /// The index's files by path, with their text.
    static func files(_ documents: [SearchDocument], settings: SearchIndex.Settings = .init()) -> [String: String] {
        let index = SearchIndex(documents: documents, settings: settings, jobs: 2, name: hash)
        return Dictionary(uniqueKeysWithValues: index.files.map { ($0.path, String(decoding: index.bytes(of: $0), as: UTF8.self)) })
    }

    static func json(_ text: String?) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try #require(text).utf8), options: .fragmentsAllowed)
    }

    /// What a client does for one word: the directory, the group of the word's first letter,
    /// the shard that holds it, the rest of a long list, then the fragments.
    static func search(_ word: String, in files: [String: String]) throws -> (postings: [[Any]], urls: [String]) {
        let term = SearchText.terms(in: word)[0]
        let index = try #require(try json(files["search/index.json"]) as? [String: Any])
        let groups = try #require(index["groups"] as? [String: String])
        guard let group = groups[String(term.prefix(1))] else { return ([], []) }
        let shards = try #require(try json(files["search/group/\(group).json"]) as? [String: String])
        guard let prefix = ShardPlan(prefixesForTesting: Array(shards.keys)).shard(of: term), let shard = shards[prefix] else { return ([], []) }
        let terms = try #require(try json(files["search/shard/\(shard).json"]) as? [String: [Any]])
        guard let entry = terms[term] else { return ([], []) }
        var postings = try #require(entry[1] as? [[Any]])
        if entry.count > 2, let more = entry[2] as? String {
            postings += try #require(try json(files["search/more/\(more).json"]) as? [[Any]])
        }
        #expect(entry[0] as? Int == postings.count, "the document frequency counts every posting")
        let urls = try postings.map { posting -> String in
            let id = try #require(posting.first as? String)
            let fragment = try #require(try json(files["search/fragment/\(id).json"]) as? [String: Any])
            return try #require(fragment["url"] as? String)
        }
        return (postings, urls)
    }

    @Test func everyFileParsesAndIsNamedByItsContent() throws {
        let files = Self.files(Self.documents)
        #expect(files.keys.filter { $0.hasPrefix("search/fragment/") }.count == 3)
        for (path, text) in files {
            _ = try Self.json(text)
            let name = try #require(path.split(separator: "/").last?.dropLast(".json".count))
            if path.hasPrefix("search/fragment/") {
                #expect(Self.hash(Array(text.utf8)).hasPrefix(name), "\(path)")
            } else if path != "search/index.json" {
                #expect(String(name) == Self.hash(Array(text.utf8)), "\(path)")
            }
        }
        let index = try #require(try Self.json(files["search/index.json"]) as? [String: Any])
        #expect(index["documents"] as? Int == 3)
    }

    @Test func aWordFindsItsDocumentInAnyFormAndField() throws {
        let files = Self.files(Self.documents)
        for (query, expected) in [("Buergergeld", "/politik/buergergeld/"), ("KASACHSTANS", "/politik/kasachstan/"),
                                  ("Wahlen", "/politik/wahl/"), ("Stadtrates", "/politik/wahl/")] {
            #expect(try Self.search(query, in: files).urls == [expected], "\(query)")
        }
        #expect(try Self.search("Muster", in: files).urls.count == 3, "authors are searchable")
        #expect(try Self.search("Brandenburg", in: files).urls.isEmpty)
    }

    @Test func postingsCountEachFieldAndComeBestFirst() throws {
        let files = Self.files(Self.documents)
        let (postings, urls) = try Self.search("Kasachstan", in: files)
        #expect(urls == ["/politik/kasachstan/"])
        #expect(postings[0].dropFirst().prefix(3).compactMap { $0 as? Int } == [1, 1, 1], "title, teaser, body")
        let (russland, _) = try Self.search("Bürger", in: files)
        #expect(russland.count == 1)
    }

    @Test func aLongListKeepsItsHeadInTheShardAndTheRestApart() throws {
        let many = (0..<25).map { Self.document("a\($0)", "Artikel \($0)", body: String(repeating: "Haldenau ", count: $0 + 1)) }
        var settings = SearchIndex.Settings()
        settings.headLimit = 10
        let files = Self.files(many, settings: settings)
        #expect(files.keys.contains { $0.hasPrefix("search/more/") })
        let (postings, urls) = try Self.search("Haldenau", in: files)
        #expect(urls.count == 25 && Set(urls).count == 25)
        let bodies = postings.compactMap { $0[3] as? Int }
        #expect(bodies == bodies.sorted(by: >), "best first, across head and rest")
    }

    @Test func theIndexIsTheSameInAnyOrderAndAnEditTouchesOnlyItsShards() {
        let files = Self.files(Self.documents)
        #expect(Self.files(Self.documents.reversed()) == files)
        var edited = Self.documents
        // One word for another: the body keeps its length, so the document's other postings keep their bytes.
        edited[2].body = .terms(BodyTerms(text: "Die Wahlen in Haldenau bringen einen neuen Zwischenruf."))
        let after = Self.files(edited)
        let changed = Set(after.keys).subtracting(files.keys)
        #expect((1...2).contains(changed.filter { $0.hasPrefix("search/shard/") }.count), "a term gone, a term new: \(changed)")
        #expect(Set(after.keys.filter { $0.hasPrefix("search/fragment/") }) == Set(files.keys.filter { $0.hasPrefix("search/fragment/") }),
                "a body edit keeps every fragment")
    }

    @Test func plainPagesCarryTheirWeight() throws {
        let files = Self.files(Self.documents + [Self.document("impressum", "Impressum", body: "Haldenau Verlag", weight: 0.5)])
        let (postings, _) = try Self.search("Impressum", in: files)
        #expect(postings.first?.count == 6 && postings.first?.last as? Double == 0.5)
        #expect(try Self.search("Kasachstan", in: files).postings.first?.count == 5, "weight 1 is left out")
    }

    @Test func equalNamesAreToldApartInURLOrder() {
        var documents = [IndexContent.Document(url: "/a/", termsHash: 0, id: "abc", fragment: [], bucket: 0, weight: 1),
                         IndexContent.Document(url: "/a/", termsHash: 0, id: "abc", fragment: [], bucket: 0, weight: 1)]
        IndexContent.separateEqualIDs(&documents)
        #expect(documents.map(\.id) == ["abc", "abc-1"])
    }

    @Test func bodyTermsDoNotDependOnTheBodiesBefore() {
        let text = "Der Bürgermeister von Haldenau bürgt für die Bürgschaft; Bürger bürgen. Ⅻ ﬁnden ℚ"
        var counts: [String: Int] = [:]
        for term in SearchText.referenceTerms(in: text) { counts[term, default: 0] += 1 }
        func counted(_ terms: BodyTerms) -> [String: Int] {
            var seen: [String: Int] = [:]
            terms.forEach { seen[$0] = $1 }
            return seen
        }
        #expect(counted(BodyTerms(text: text)) == counts)
        // The words of other bodies (and more words than a lexicon keeps) before it.
        var words: [String] = []
        for number in 0..<(TermLexicon.limit / 2 + 1000) { words.append("Haldenauer\(number) bürgen") }
        for chunk in stride(from: 0, to: words.count, by: 4096) {
            _ = BodyTerms(text: words[chunk..<min(chunk + 4096, words.count)].joined(separator: " "))
        }
        #expect(counted(BodyTerms(text: text)) == counts)
        #expect(BodyTerms(text: text) == BodyTerms(text: text))
        #expect(BodyTerms(text: "") == .empty)
    }

    /// The lexicon keeps words of up to 24 bytes in the slots of a table of their own, read
    /// eight bytes at a time: words that differ only in one byte of any of those three words
    /// or in their length, or only in their first letter's case, are not taken for each other.
    @Test func wordsThatDifferInOneByteOrTheirLengthAreCountedApart() {
        let stems = "abcdefghijklmnopqrstuvwxyzabcdefgh"
        var words: [String] = []
        for length in 1...30 {
            let word = String(stems.prefix(length))
            words.append(word)
            words.append(word.prefix(1).uppercased() + word.dropFirst())
            for position in [0, 7, 8, 15, 16, 23, 24, length - 1] where position < length {
                var bytes = Array(word.utf8)
                bytes[position] = UInt8(ascii: "x")
                words.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        var dice = IndexUpdateTests.Dice(state: 24)
        var text: [String] = []
        for _ in 0..<4000 { text.append(words[Int.random(in: 0..<words.count, using: &dice)]) }
        var expected: [String: Int] = [:]
        for term in SearchText.referenceTerms(in: text.joined(separator: " ")) { expected[term, default: 0] += 1 }
        // Twice: the second body finds every word in the lexicon the first one filled.
        for _ in 0..<2 {
            var counts: [String: Int] = [:]
            BodyTerms(text: text.joined(separator: " ")).forEach { counts[$0] = $1 }
            #expect(counts == expected)
        }
    }

    @Test func bodyTermsPackAndUnpack() throws {
        let terms = BodyTerms(text: "Die Wahl, die Wahlen und der Stadtrat")
        var seen: [String: Int] = [:]
        terms.forEach { seen[$0] = $1 }
        #expect(seen[SearchText.terms(in: "Wahl")[0]] == 2 && terms.length == 3, "the stop words die, und, der are left out")
        #expect(BodyTerms(packed: terms.packed, length: terms.length) == terms)
        #expect(BodyTerms(packed: [0x61, 0x62], length: 1) == nil, "a term without its count")
        #expect(BodyTerms(packed: [0, 1], length: 1) == nil, "an empty term")
    }
}
