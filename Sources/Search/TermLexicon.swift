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

    /// Folded words of up to 24 bytes (most), each with its term's number (-1 for a stop word).
    private var shortWords = ShortWords()
    /// Longer folded words, lower-case and capitalised ones apart (the stem depends on it),
    /// and for each its term's number (-1 for a stop word).
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
        if lexicon.terms.count + lexicon.shortWords.count + lexicon.lowerWords.count + lexicon.capitalizedWords.count > limit {
            lexicon = TermLexicon()
        }
        let result = body(&lexicon)
        pool.withLock { $0.append(lexicon) }
        return result
    }

    /// Counts a folded ASCII word (``TermScanner/folded``: 24 bytes from its start are
    /// readable); `stem` is room for its stem.
    mutating func add(word: UnsafeBufferPointer<UInt8>, capitalized: Bool, stem: UnsafeMutableBufferPointer<UInt8>) {
        let term: Int32
        if word.count <= ShortWords.longest {
            let key = ShortWords.Key(word, capitalized: capitalized)
            if let known = shortWords.term(of: key) {
                term = known
            } else {
                term = newTerm(word, capitalized: capitalized, stem: stem)
                shortWords.add(key, term: term)
            }
        } else if capitalized {
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

/// Folded words of up to 24 bytes with their terms, in one open-addressing table whose slot
/// holds the word itself: a lookup reads one slot, where a ``ByteStringTable`` reads its
/// slot, the key's end and bytes, and then the term's number from another array, each
/// likely a cache miss with a magazine's vocabulary (tens of thousands of words). Counting
/// a body's terms spent half its time in those lookups (perf, the benchmark's bodies).
private struct ShortWords {
    static let longest = 24

    /// A word as three little-endian words of its bytes (zero beyond its end), its length
    /// and whether it was capitalised.
    struct Key: Equatable {
        var head: UInt64, middle: UInt64, tail: UInt64, shape: UInt64

        init(head: UInt64, middle: UInt64, tail: UInt64, shape: UInt64) {
            self.head = head
            self.middle = middle
            self.tail = tail
            self.shape = shape
        }

        /// `word` has at most ``longest`` bytes, and ``longest`` bytes from its start are readable.
        init(_ word: UnsafeBufferPointer<UInt8>, capitalized: Bool) {
            let base = UnsafeRawPointer(word.baseAddress.unsafelyUnwrapped)
            let count = word.count
            func part(_ offset: Int) -> UInt64 {
                let bytes = count - offset
                guard bytes > 0 else { return 0 }
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                return bytes >= 8 ? word : word & ((1 << (8 * UInt64(bytes))) - 1)
            }
            head = part(0)
            middle = part(8)
            tail = part(16)
            shape = UInt64(count) << 1 | (capitalized ? 1 : 0)
        }

        var hash: UInt64 {
            var hash = (head &* 0x9E37_79B9_7F4A_7C15) ^ (middle &* 0xC2B2_AE3D_27D4_EB4F) ^ (tail &* 0x1656_67B1_9E37_79F9) ^ shape
            hash ^= hash >> 32
            hash &*= 0xFF51_AFD7_ED55_8CCD
            return hash ^ hash >> 29
        }
    }

    /// A key and its term's number plus two (1 for a stop word) in the high half of `shape`;
    /// an empty slot has a zero shape (no key is empty).
    private struct Slot {
        var head: UInt64 = 0, middle: UInt64 = 0, tail: UInt64 = 0, shape: UInt64 = 0
    }

    /// The length is a power of two; at most half of the slots are used.
    private var slots = [Slot](repeating: Slot(), count: 1 << 12)
    private(set) var count = 0

    /// The term of `key` (-1 for a stop word), nil when the table does not have it.
    func term(of key: Key) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key.hash) & mask
        while slots[slot].shape != 0 {
            let entry = slots[slot]
            if entry.head == key.head, entry.middle == key.middle, entry.tail == key.tail, entry.shape & 0xFFFF_FFFF == key.shape {
                return Int32(truncatingIfNeeded: entry.shape >> 32) - 2
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds `key`, which the table does not have, with its term.
    mutating func add(_ key: Key, term: Int32) {
        if 2 * (count + 1) > slots.count { grow() }
        insert(Slot(head: key.head, middle: key.middle, tail: key.tail, shape: key.shape | UInt64(UInt32(bitPattern: term + 2)) << 32), hash: key.hash)
        count += 1
    }

    private mutating func insert(_ entry: Slot, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].shape != 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: 2 * old.count)
        for entry in old where entry.shape != 0 {
            insert(entry, hash: Key(head: entry.head, middle: entry.middle, tail: entry.tail, shape: entry.shape & 0xFFFF_FFFF).hash)
        }
    }
}
