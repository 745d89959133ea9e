import Foundation
import Testing
@testable import Site

/// The encoder that keys feeds and sitemaps: every stored property counts, nesting is framed,
/// and a dictionary digests the same whatever its iteration order.
@Suite struct DigestEncoderTests {
    struct Entry: Encodable, Equatable {
        var title: String
        var date: Date
        var tags: [String]
        var image: String?
        var size: Int64 = 0
        var ratio: Float = 1
    }

    enum File: Encodable {
        case urls([Entry])
        case index([String])
    }

    let base = Entry(title: "Hitze", date: Date(timeIntervalSince1970: 1_700_000_000), tags: ["a", "b"], image: nil)

    private func digest(_ value: some Encodable) -> Digest { DigestEncoder.digest(of: value) }

    @Test func sameValueSameDigest() {
        #expect(digest(base) == digest(base))
        #expect(digest(File.urls([base])) == digest(File.urls([base])))
    }

    @Test func everyPropertyCounts() {
        var changes: [Entry] = []
        for edit in 0..<6 {
            var entry = base
            switch edit {
            case 0: entry.title = "Hitze!"
            case 1: entry.date = entry.date.addingTimeInterval(1)
            case 2: entry.tags = ["a"]
            case 3: entry.image = "/lead.jpg"
            case 4: entry.size = 1
            default: entry.ratio = 1.5
            }
            changes.append(entry)
        }
        let digests = Set(([base] + changes).map(digest))
        #expect(digests.count == 7)
    }

    @Test func nestingIsFramed() {
        #expect(digest([["a"], ["b"]]) != digest([["a", "b"]]))
        #expect(digest(["ab", "c"]) != digest(["a", "bc"]))
        #expect(digest(File.urls([])) != digest(File.index([])))
        #expect(digest(["1"]) != digest([1]))
    }

    @Test func dictionaryOrderDoesNotMatter() {
        let keys = (0..<200).map { "key\($0)" }
        var forward: [String: Int] = [:], backward: [String: Int] = [:]
        backward.reserveCapacity(4096)
        for (index, key) in keys.enumerated() { forward[key] = index }
        for (index, key) in keys.enumerated().reversed() { backward[key] = index }
        #expect(Array(forward.keys) != Array(backward.keys), "the two dictionaries should iterate differently")
        #expect(digest(forward) == digest(backward))
        backward["key7"] = 8
        #expect(digest(forward) != digest(backward))
    }
}
