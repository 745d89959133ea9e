import Synchronization
import Testing
@testable import Search

/// An index made from the previous build's (its memo) is the index made from scratch, byte
/// for byte, and costs only what changed.
@Suite struct IndexUpdateTests {
    /// Deterministic random numbers (a linear congruential generator), so a failure repeats.
    struct Dice: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ state >> 29
        }
    }

    static let words = ["Haldenau", "Stadtrat", "Wahl", "Wahlen", "Bürgergeld", "Kasachstan", "Russland", "Zwischenruf",
                        "Hafen", "Hafens", "Brücke", "Brücken", "Schule", "Straße", "Zeit", "Zeitung", "Kultur", "Theater"]

    static func text(_ dice: inout Dice, words count: Int) -> String {
        (0..<count).map { _ in words.randomElement(using: &dice) ?? "" }.joined(separator: " ")
    }

    static func document(_ number: Int, _ dice: inout Dice) -> SearchDocument {
        SearchDocument(url: "/ressort/artikel-\(number)/", title: text(&dice, words: 3), teaser: text(&dice, words: 4),
                       section: ["Politik", "Kultur"].randomElement(using: &dice), authors: ["Erika Muster"], date: "2026-12-03",
                       body: .terms(BodyTerms(text: text(&dice, words: Int.random(in: 5...60, using: &dice)))),
                       weight: Bool.random(using: &dice) ? 1 : 0.5)
    }

    static func encoded(_ memo: IndexMemo) -> [UInt8] {
        var bytes: [UInt8] = []
        memo.encode { bytes += $0 }
        return bytes
    }

    static func files(_ index: SearchIndex) -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: index.files.map { ($0.path, index.bytes(of: $0)) })
    }

    static var settings: SearchIndex.Settings {
        var settings = SearchIndex.Settings()
        settings.shardLimit = 700
        settings.headLimit = 6
        return settings
    }

    @Test func anIndexMadeFromTheLastOneEqualsOneFromScratch() throws {
        var dice = Dice(state: 2026)
        var documents = (0..<30).map { Self.document($0, &dice) }
        var memo: IndexMemo?
        var next = documents.count
        for step in 0..<60 {
            switch step % 6 {
            case 0: documents[Int.random(in: 0..<documents.count, using: &dice)].body = .terms(BodyTerms(text: Self.text(&dice, words: 20)))
            case 1: documents[Int.random(in: 0..<documents.count, using: &dice)].title = Self.text(&dice, words: 2)
            case 2:
                documents.append(Self.document(next, &dice))
                next += 1
            case 3: documents.remove(at: Int.random(in: 0..<documents.count, using: &dice))
            case 4: documents[Int.random(in: 0..<documents.count, using: &dice)].weight = Bool.random(using: &dice) ? 1 : 0.5
            default: break  // nothing changed
            }
            let updated = SearchIndex(documents: documents, settings: Self.settings, jobs: 2, previous: memo, name: SearchIndexTests.hash)
            let clean = SearchIndex(documents: documents.shuffled(using: &dice), settings: Self.settings, jobs: 2, name: SearchIndexTests.hash)
            let (got, expected) = (Self.files(updated), Self.files(clean))
            #expect(Set(got.keys) == Set(expected.keys) && got == expected,
                    "step \(step): \(Set(got.keys).symmetricDifference(expected.keys).sorted())")
            // Through bytes, as the build cache keeps it.
            let bytes = Self.encoded(updated.memo)
            let decoded = try #require(IndexMemo(encoded: bytes))
            #expect(decoded == updated.memo)
            memo = decoded
        }
        #expect(Self.files(SearchIndex(documents: documents, settings: Self.settings, jobs: 2, name: SearchIndexTests.hash)).keys
            .contains { $0.hasPrefix("search/more/") }, "long lists are split off")
    }

    @Test func anEditNamesOnlyTheShardsItTouches() throws {
        var dice = Dice(state: 7)
        var documents = (0..<40).map { Self.document($0, &dice) }
        var words = (0..<30).map { Self.words[$0 % Self.words.count] }
        documents[3].body = .terms(BodyTerms(text: words.joined(separator: " ")))
        let first = SearchIndex(documents: documents, settings: Self.settings, jobs: 2, name: SearchIndexTests.hash)
        let paths = first.files.map(\.path)
        let shards = paths.filter { $0.hasPrefix("search/shard/") }.count, groups = paths.filter { $0.hasPrefix("search/group/") }.count
        let rests = paths.filter { $0.hasPrefix("search/more/") }.count
        #expect(shards >= 10 && rests >= 10)
        // One word for another: the body keeps its length, the document its other postings.
        words[29] = "Zwischenrufe"
        documents[3].body = .terms(BodyTerms(text: words.joined(separator: " ")))
        let named = Mutex(0)
        let second = SearchIndex(documents: documents, settings: Self.settings, jobs: 2, previous: first.memo) { bytes in
            // Fragments are always named (their names are the documents' ids); the rest only when touched.
            if !bytes.starts(with: Array("{\"url\"".utf8)) { named.withLock { $0 += 1 } }
            return SearchIndexTests.hash(bytes)
        }
        // Two terms' shards and rests (every term here is in more documents than a head holds), and the groups.
        #expect(named.withLock { $0 } <= groups + 4, "not the \(shards) shards and \(rests) rests")
        #expect(Self.files(second) == Self.files(SearchIndex(documents: documents, settings: Self.settings, jobs: 2, name: SearchIndexTests.hash)))
    }

    @Test func aDamagedMemoIsNoMemo() throws {
        var dice = Dice(state: 11)
        let index = SearchIndex(documents: (0..<10).map { Self.document($0, &dice) }, settings: Self.settings, jobs: 1, name: SearchIndexTests.hash)
        let bytes = Self.encoded(index.memo)
        #expect(IndexMemo(encoded: bytes) != nil)
        #expect(IndexMemo(encoded: Array(bytes.dropLast())) == nil, "cut off")
        #expect(IndexMemo(encoded: Array(bytes.prefix(bytes.count / 2))) == nil, "cut in half")
        #expect(IndexMemo(encoded: bytes + [0]) == nil, "more than a memo")
        #expect(IndexMemo(encoded: Array("MAGBUILD-SEARCH-1".utf8) + bytes.dropFirst(17)) == nil, "another version")
        for position in stride(from: 17, to: bytes.count, by: max(1, bytes.count / 200)) {
            var damaged = bytes
            damaged[position] ^= 0xFF
            if let memo = IndexMemo(encoded: damaged) {
                // Whatever it reads, using it must not crash.
                _ = SearchIndex(documents: [], settings: Self.settings, previous: memo, name: SearchIndexTests.hash)
            }
        }
    }
}
