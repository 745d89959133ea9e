import Foundation
import FuzzSupport
@testable import Search
@testable import Site

// Build-cache, quick-check and search-memo files (`.magbuild/<output>/cache.bin`, `quick.bin`,
// `search.bin`): any bytes decode or are refused without crashing, and what decodes writes
// back to bytes that decode. A search memo that decodes also serves as the previous index of
// a new one without crashing. The first byte picks the decoder, so one corpus serves all three.
FuzzDriver.run { data in
    let body = data.dropFirst()
    switch (data.first ?? 0) % 3 {
    case 0:
        guard let cache = BuildCache.decode(Data(BuildCache.magic) + body).value else { return }
        var writer = CacheWriter(BuildCache.magic)
        cache.write(to: &writer)
        Invariant.require(BuildCache.decode(Data(writer.bytes)).value != nil, "a decoded cache does not decode again")
    case 1:
        guard let check = QuickCheck.decode(Data(QuickCheck.magic) + body).value else { return }
        var writer = CacheWriter(QuickCheck.magic)
        check.write(to: &writer)
        Invariant.require(QuickCheck.decode(Data(writer.bytes)).value != nil, "a decoded quick check does not decode again")
    default:
        guard let memo = IndexMemo(encoded: IndexMemo.magic + body) else { return }
        var bytes: [UInt8] = []
        memo.encode { bytes += $0 }
        Invariant.require(IndexMemo(encoded: bytes) == memo, "a decoded search memo does not decode to itself")
        let documents = ["Wahl in Haldenau", "Der Stadtrat tagt", "Haldenau wählt"].enumerated().map { number, title in
            SearchDocument(url: "/politik/\(number)/", title: title, teaser: "", date: "2026-12-03", body: .terms(BodyTerms(text: title)))
        }
        _ = SearchIndex(documents: documents, settings: memo.settings, previous: memo) { String($0.count) }
    }
}
