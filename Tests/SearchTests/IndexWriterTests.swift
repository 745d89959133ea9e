import Foundation
import Testing
@testable import Search

@Suite struct IndexWriterTests {
    static func document(_ slug: String, _ title: String, body: String) -> SearchDocument {
        SearchDocument(url: "/politik/\(slug)/", title: title, teaser: "Teaser zu \(title).", section: "Politik",
                       authors: ["Erika Muster"], date: "2026-12-0\(slug.count % 9 + 1)", body: body)
    }

    static let documents = [
        document("kasachstan", "Russland und Kasachstan", body: "Kasachstan liegt zwischen Russland und China."),
        document("buergergeld", "Das Bürgergeld kommt", body: "Das Bürgergeld ersetzt Hartz IV. Bürger fragen nach."),
        document("wahl", "Die Wahl in Haldenau", body: "Die Wahlen in Haldenau bringen einen neuen Stadtrat."),
    ]

    /// A stand-in for the build's content hash: FNV-1a of the text, in hex.
    static func hash(_ text: String) -> String { String(DocumentNumbers.fnv1a(text), radix: 16) }

    static func json(_ file: IndexWriter.File) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(file.text.utf8))
    }

    @Test func everyFileParsesAndIsNamedByItsContent() throws {
        let files = IndexWriter.files(for: Self.documents, hash: Self.hash)
        #expect(files.filter { $0.path.hasPrefix("search/fragment/") }.count == 3)
        for file in files {
            _ = try Self.json(file)
            if file.path != "search/index.json" {
                let name = file.path.split(separator: "/").last?.split(separator: ".").dropLast().last.map(String.init)
                #expect(name == Self.hash(file.text), "\(file.path)")
            }
        }
        let indexFile = try #require(files.first { $0.path == "search/index.json" })
        let index = try #require(try Self.json(indexFile) as? [String: Any])
        #expect(index["documents"] as? Int == 3)
        let shards = try #require(index["shards"] as? [String: String])
        #expect(shards.count == files.filter { $0.path.hasPrefix("search/shard/") }.count)
    }

    @Test func aTermFindsItsDocumentThroughItsShard() throws {
        let files = IndexWriter.files(for: Self.documents, hash: Self.hash)
        let indexFile = try #require(files.first { $0.path == "search/index.json" })
        let index = try #require(try Self.json(indexFile) as? [String: Any])
        let shards = try #require(index["shards"] as? [String: String])
        let plan = ShardPlan(prefixesForTesting: Array(shards.keys))
        for (query, expected) in [("Buergergeld", "/politik/buergergeld/"), ("kasachstan", "/politik/kasachstan/"), ("Wahl", "/politik/wahl/")] {
            let term = SearchText.terms(in: query)[0]
            let prefix = try #require(plan.shard(of: term), "\(query)")
            let shard = try #require(files.first { $0.path == "search/shard/\(prefix).\(shards[prefix] ?? "").json" })
            let postings = try #require((try Self.json(shard) as? [String: [[Any]]])?[term], "\(term) in \(shard.path)")
            let fragments = postings.compactMap { posting -> String? in
                guard let number = posting.first as? String, let hash = posting.last as? String else { return nil }
                return files.first { $0.path == "search/fragment/\(number).\(hash).json" }?.text
            }
            #expect(fragments.count == postings.count)
            #expect(fragments.contains { $0.contains("\"url\":\"\(expected)\"") }, "\(query)")
        }
    }

    @Test func theIndexIsTheSameInAnyOrderAndAnEditTouchesOnlyItsShards() {
        let files = IndexWriter.files(for: Self.documents, hash: Self.hash)
        #expect(IndexWriter.files(for: Self.documents.reversed(), hash: Self.hash) == files)
        var edited = Self.documents
        edited[2].body += " Zwischenruf."
        let after = Set(IndexWriter.files(for: edited, hash: Self.hash).map(\.path))
        let changed = after.subtracting(files.map(\.path)).filter { $0.hasPrefix("search/shard/") }
        let touched = Set(SearchText.terms(in: edited[2].body)).count
        #expect(!changed.isEmpty && changed.count <= touched, "\(changed)")
        #expect(after.filter { $0.hasPrefix("search/fragment/") } == Set(files.map(\.path)).filter { $0.hasPrefix("search/fragment/") },
                "a body edit keeps every fragment")
    }

    @Test func documentNumbersAreStableAndDistinct() {
        let urls = (0..<5000).map { "/archiv/a-\($0)/" }
        let numbers = DocumentNumbers(urls: urls).number
        #expect(Set(numbers).count == urls.count)
        #expect(DocumentNumbers(urls: Array(urls.prefix(10)) + ["/neu/"]).number.prefix(10) == numbers.prefix(10))
    }
}
