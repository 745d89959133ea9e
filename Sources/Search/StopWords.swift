/// The commonest German words, which say nothing about what a text is about: the index
/// leaves them out. They are four in ten words of running German text, and each would be
/// in nearly every document: without them the build counts and stems far fewer words and
/// the index loses its longest posting lists. A query of stop words alone finds nothing.
///
/// Compared folded (``SearchText/fold(_:)``) and before stemming; the page script gets the
/// folded list from `search/index.json` and drops the same words from queries.
enum StopWords {
    /// Articles, pronouns, prepositions, conjunctions, auxiliaries and particles.
    static let words = """
        der die das den dem des ein eine einer eines einem einen kein keine keiner keinen keinem
        und oder aber doch sondern denn weil dass daß ob wenn als wie so auch noch nur schon sehr
        in im ins an am auf aus bei mit nach von vom vor zu zum zur um über unter durch für gegen ohne bis seit
        ich du er sie es wir ihr man sich mich mir dich dir uns euch ihn ihm ihnen
        mein meine sein seine seiner seinen seinem ihre ihrer ihren ihrem unser unsere
        dieser diese dieses diesen diesem jener jene was wer wo da dort hier dann damit
        ist sind war waren bin bist seid sei wäre hat haben hatte hatten habe wird werden wurde wurden würde
        kann können konnte muss müssen soll sollen will wollen nicht nichts mehr
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// The folded words, at most eight bytes each, packed into integers.
    static let keys: Set<UInt64> = Set(words.compactMap { word in
        Array(SearchText.fold(word).utf8).withUnsafeBufferPointer { pack($0) }
    })

    /// The folded list, as the index's directory gives it to the page script.
    static let folded: [String] = Set(words.map(SearchText.fold)).sorted()

    /// Whether the folded word `bytes` is a stop word.
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, in keys: Set<UInt64>) -> Bool {
        pack(bytes).map(keys.contains) ?? false
    }

    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard !bytes.isEmpty, bytes.count <= 8 else { return nil }
        var key: UInt64 = 0
        for byte in bytes { key = key << 8 | UInt64(byte) }
        return key
    }
}
