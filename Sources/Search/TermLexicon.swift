import Synchronization

/// The words a worker has met, each with its term, for counting the terms of one body
/// after another (``BodyTerms/init(text:)``).
///
/// A magazine repeats its vocabulary from article to article: checking a word against the
/// stop words and stemming it the first time a worker meets it, and looking it up after
/// that, took the stemmer out of the profile of a build (it had been a quarter of counting
/// terms when each article stemmed its own words). A lexicon holds at most ``limit`` words
/// and terms and starts afresh when full; lexicons wait in a pool between bodies, one per
/// worker at most. The terms a body gets do not depend on what a lexicon has met before.
struct TermLexicon: Sendable {
    /// Words and terms kept before a lexicon starts afresh (a few megabytes).
    static let limit = 1 << 17

    /// Folded words, lower-case and capitalised ones apart (the stem depends on it), and for
    /// each its term's number (-1 for a stop word).
    private var lowerWords = ByteStringTable(capacity: 1 << 12)
    private var lowerTerms: [Int32] = []
    private var capitalizedWords = ByteStringTable(capacity: 1 << 12)
    private var capitalizedTerms: [Int32] = []
    private var terms = ByteStringTable(capacity: 1 << 12)
    /// The current body's count of each term, and the terms it has so far.
    private var counts: [Int] = []
    private var present: [Int] = []

    private static let pool = Mutex<[TermLexicon]>([])

    /// Calls `body` with a lexicon of the pool (a new one when the pool has none or the one
    /// it has is full), and puts it back.
    static func using<Result>(_ body: (inout TermLexicon) -> Result) -> Result {
        var lexicon = pool.withLock { $0.popLast() } ?? TermLexicon()
        if lexicon.terms.count + lexicon.lowerWords.count + lexicon.capitalizedWords.count > limit { lexicon = TermLexicon() }
        let result = body(&lexicon)
        pool.withLock { $0.append(lexicon) }
        return result
    }

    /// Counts a folded ASCII word (``TermScanner/folded``); `stem` is room for its stem.
    mutating func add(word: UnsafeBufferPointer<UInt8>, capitalized: Bool, stem: UnsafeMutableBufferPointer<UInt8>) {
        let term: Int32
        if capitalized {
            let number = capitalizedWords.number(of: word)
            if number == capitalizedTerms.count { capitalizedTerms.append(newTerm(word, capitalized: true, stem: stem)) }
            term = capitalizedTerms[number]
        } else {
            let number = lowerWords.number(of: word)
            if number == lowerTerms.count { lowerTerms.append(newTerm(word, capitalized: false, stem: stem)) }
            term = lowerTerms[number]
        }
        if term >= 0 { count(Int(term)) }
    }

    /// Counts a term made without the lexicon (a word the scanner folds as a String).
    mutating func add(term: UnsafeBufferPointer<UInt8>) {
        count(terms.number(of: term))
    }

    /// The counted terms, packed as ``BodyTerms/packed`` holds them (in the order the body
    /// first has them), and their total count; the lexicon is then ready for the next body.
    mutating func take() -> (packed: [UInt8], length: Int) {
        var size = 0, length = 0
        for term in present {
            size += terms.withKey(term) { $0.count } + 2
            var rest = counts[term] >> 7
            while rest > 0 {
                size += 1
                rest >>= 7
            }
            length += counts[term]
        }
        var packed: [UInt8] = []
        // Exactly as large as it has to be: a build writes ten thousand of these.
        packed.reserveCapacity(size)
        for term in present {
            terms.withKey(term) { packed.append(contentsOf: $0) }
            packed.append(0)
            var rest = UInt(counts[term])
            while rest >= 0x80 {
                packed.append(UInt8(truncatingIfNeeded: rest) | 0x80)
                rest >>= 7
            }
            packed.append(UInt8(rest))
            counts[term] = 0
        }
        present.removeAll(keepingCapacity: true)
        return (packed, length)
    }

    /// The term of a word met for the first time: none for a stop word, else its stem's.
    private mutating func newTerm(_ word: UnsafeBufferPointer<UInt8>, capitalized: Bool, stem: UnsafeMutableBufferPointer<UInt8>) -> Int32 {
        guard !StopWords.contains(word, in: StopWords.keys) else { return -1 }
        let length = GermanStemmer.stem(ascii: word, capitalized: capitalized, into: stem)
        return Int32(terms.number(of: UnsafeBufferPointer(rebasing: stem[0..<length])))
    }

    private mutating func count(_ term: Int) {
        if term >= counts.count { counts.append(contentsOf: repeatElement(0, count: term + 1 - counts.count)) }
        if counts[term] == 0 { present.append(term) }
        counts[term] += 1
    }
}
