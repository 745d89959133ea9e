import CXXHash

/// What the search index knows of one page: what a result shows, and the text it is found by.
public struct SearchDocument: Sendable {
    public var url: String
    public var title: String
    public var teaser: String
    public var kicker: String?
    public var section: String?
    public var authors: [String]
    public var tags: [String]
    /// The publication day, `2026-12-03`; empty for a page without one.
    public var date: String
    /// The body's terms.
    public var body: SearchBody
    /// How much a match counts: 1 for articles, less for plain pages.
    public var weight: Double

    public init(url: String, title: String, teaser: String, kicker: String? = nil, section: String? = nil,
                authors: [String] = [], tags: [String] = [], date: String, body: SearchBody, weight: Double = 1) {
        self.url = url
        self.title = title
        self.teaser = teaser
        self.kicker = kicker
        self.section = section
        self.authors = authors
        self.tags = tags
        self.date = date
        self.body = body
        self.weight = weight
    }
}

/// A document's body terms as the index takes them: their summary at once, the terms
/// themselves only when the index gathers the document's postings (it is new, or its terms
/// changed since the index the build started from). The build keeps an article's terms out
/// of memory until then, and reads them back only for the articles that need it.
public struct SearchBody: Sendable {
    public let summary: BodyTerms.Summary
    private let load: @Sendable () -> BodyTerms

    /// A body whose terms are read by `load` when needed; they must have `summary`.
    public init(summary: BodyTerms.Summary, load: @escaping @Sendable () -> BodyTerms) {
        self.summary = summary
        self.load = load
    }

    /// A body whose terms are at hand.
    public static func terms(_ terms: BodyTerms) -> SearchBody {
        SearchBody(summary: terms.summary) { terms }
    }

    /// The terms.
    public var terms: BodyTerms { load() }
}

/// The terms of a body and how often each occurs, packed in one byte array (each term's
/// UTF-8, a zero byte, its count as a variable-length integer; in the order the body first
/// has them): one array per article, written to the build's body store as it is.
public struct BodyTerms: Sendable, Hashable {
    public private(set) var packed: [UInt8]
    /// How many terms the body has, repeats counted.
    public private(set) var length: Int

    public static let empty = BodyTerms(packed: [], counted: 0)

    /// What identifies a body's terms without them: a hash (XXH3) of ``packed`` and ``length``.
    public struct Summary: Sendable, Hashable {
        public var hash: UInt64
        public var length: Int

        public init(hash: UInt64, length: Int) {
            self.hash = hash
            self.length = length
        }
    }

    public var summary: Summary {
        Summary(hash: packed.withUnsafeBytes { XXH3_64bits($0.baseAddress, $0.count) }, length: length)
    }

    /// The terms of `text`, as ``SearchText/forEachTerm(in:_:)`` gives them.
    public init(text: String) {
        var text = text
        self = text.withUTF8 { BodyTerms(utf8: $0) }
    }

    /// The terms of UTF-8 text (invalid bytes read as U+FFFD), as ``init(text:)`` gives them,
    /// counted with a lexicon (``TermLexicon``) that knows the words of the bodies before.
    public init(utf8 text: [UInt8]) {
        self = text.withUnsafeBufferPointer { BodyTerms(utf8: $0) }
    }

    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        let (packed, length) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * TermScanner.longest) { buffer in
            // Initialised: the lexicon reads a short word's 24 bytes at once.
            buffer.initialize(repeating: 0)
            let word = UnsafeMutableBufferPointer(rebasing: buffer[0..<TermScanner.longest])
            let stem = UnsafeMutableBufferPointer(rebasing: buffer[TermScanner.longest...])
            return TermLexicon.using { lexicon in
                var scanner = TermScanner(bytes: bytes, word: word)
                while let next = scanner.nextWord() {
                    switch next {
                    case .folded(let isCapitalized):
                        guard !scanner.folded.isEmpty else { continue }
                        lexicon.add(word: scanner.folded, capitalized: isCapitalized, stem: stem)
                    case .slow(var term?):
                        term.withUTF8 { lexicon.add(term: $0) }
                    case .slow(nil):
                        continue
                    }
                }
                return lexicon.take()
            }
        }
        self.init(packed: packed, counted: length)
    }

    private init(packed: [UInt8], counted length: Int) {
        self.packed = packed
        self.length = length
    }

    /// Terms this process packed and kept aside (the build's body store), read back as they
    /// were written: not checked again. (Reading packed terms is bounded by their bytes, so
    /// other bytes give other terms, never a fault.)
    public init(keptPacked packed: [UInt8], length: Int) {
        self.init(packed: packed, counted: length)
    }

    /// Terms as ``packed`` holds them (read back from a file); nil when the bytes are not such a list.
    public init?(packed: [UInt8], length: Int) {
        self.packed = packed
        self.length = length
        var valid = length >= 0
        let complete = packed.withUnsafeBufferPointer { bytes in
            var cursor = PackedTerms(bytes)
            while cursor.advance() { valid = valid && !cursor.term.isEmpty && cursor.count > 0 }
            return cursor.isComplete
        }
        guard complete, valid else { return nil }
    }

    /// Calls `body` with each term and its count, in the order the body first has them.
    public func forEach(_ body: (String, Int) -> Void) {
        packed.withUnsafeBufferPointer { bytes in
            var cursor = PackedTerms(bytes)
            while cursor.advance() { body(String(decoding: cursor.term, as: UTF8.self), cursor.count) }
        }
    }
}

/// Reads packed terms (``BodyTerms/packed``) one at a time, without copying them.
struct PackedTerms {
    let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    /// The current term's bytes and count, after ``advance()`` returned true.
    private(set) var term = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    private(set) var count = 0
    /// False when bytes that do not end in a term and a count stopped the reading.
    private(set) var isComplete = true

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Moves to the next term; false at the end.
    mutating func advance() -> Bool {
        guard position < bytes.count else { return false }
        guard let zero = bytes[position...].firstIndex(of: 0), zero + 1 < bytes.count else {
            isComplete = false
            position = bytes.count
            return false
        }
        term = UnsafeBufferPointer(rebasing: bytes[position..<zero])
        count = 0
        var shift = 0
        position = zero + 1
        while position < bytes.count, shift < 63 {
            let byte = bytes[position]
            position += 1
            count |= Int(byte & 0x7F) << shift
            shift += 7
            if byte < 0x80 { break }
        }
        return true
    }
}

/// A document's terms and how often each occurs in each field: the title (with the
/// kicker), the teaser (with section, authors and tags) and the body. Ranking weighs the
/// fields differently; the body's length normalises its counts.
public struct DocumentTerms: Sendable, Hashable {
    public struct Counts: Sendable, Hashable {
        public var title: UInt16 = 0, teaser: UInt16 = 0
        public var body: UInt32 = 0
    }

    let title: BodyTerms, teaser: BodyTerms, body: BodyTerms

    public init(_ document: SearchDocument) {
        title = BodyTerms(text: [document.kicker ?? "", document.title].joined(separator: " "))
        teaser = BodyTerms(text: ([document.teaser, document.section ?? ""] + document.authors + document.tags).joined(separator: " "))
        body = document.body.terms
    }

    /// Terms in the body.
    public var bodyLength: Int { body.length }

    /// Calls `visit` with each term and its counts: the body's terms in their order, then
    /// the title's and teaser's terms that the body does not have.
    ///
    /// The title's and teaser's terms are few: each body term looks them up in a short list
    /// sorted by their first eight bytes (``FieldTerms``). Bodies are not sorted: sorting each
    /// body's terms took a third of counting them.
    func forEach(_ visit: (UnsafeBufferPointer<UInt8>, Counts) -> Void) {
        title.packed.withUnsafeBufferPointer { titleBytes in
            teaser.packed.withUnsafeBufferPointer { teaserBytes in
                body.packed.withUnsafeBufferPointer { bodyBytes in
                    var heads = FieldTerms(title: titleBytes, teaser: teaserBytes)
                    var cursor = PackedTerms(bodyBytes)
                    while cursor.advance() {
                        var counts = heads.take(cursor.term) ?? Counts()
                        counts.body = UInt32(clamping: cursor.count)
                        visit(cursor.term, counts)
                    }
                    heads.forEachLeft(visit)
                }
            }
        }
    }

    /// The counts by term.
    var counts: [String: Counts] {
        var counts: [String: Counts] = [:]
        forEach { counts[String(decoding: $0, as: UTF8.self)] = $1 }
        return counts
    }

    /// The body's length, coarsened so that small edits keep it: the smallest power of
    /// 1.25 (rounded down) at or above it. Ranking needs no more, and a posting that keeps
    /// its bucket keeps its bytes.
    public var lengthBucket: Int { Self.bucket(ofLength: bodyLength) }

    static func bucket(ofLength length: Int) -> Int {
        var bucket = 0
        var bound = 1.0
        while bound < Double(length) {
            bound *= 1.25
            bucket += 1
        }
        return bucket
    }
}

/// The terms of a document's title and teaser with their counts, found by their bytes
/// (``DocumentTerms/forEach(_:)``): sorted by their first eight bytes as one integer
/// (``ByteStringTable/prefix(_:)``), then by the rest.
private struct FieldTerms {
    private struct Entry {
        var prefix: UInt64
        var term: UnsafeBufferPointer<UInt8>
        var counts = DocumentTerms.Counts()
        var taken = false
    }

    private var entries: [Entry] = []
    /// A bit for each term's ``filterBit(_:)``: most body terms are not among the title's and
    /// teaser's, and are turned away by one bit without a search (a sixth of gathering an
    /// index's postings went to searching this list).
    private var filter: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(title: UnsafeBufferPointer<UInt8>, teaser: UnsafeBufferPointer<UInt8>) {
        var cursor = PackedTerms(title)
        while cursor.advance() {
            entries.append(Entry(prefix: ByteStringTable.prefix(cursor.term), term: cursor.term, counts: .init(title: UInt16(clamping: cursor.count))))
        }
        let titled = entries.count
        cursor = PackedTerms(teaser)
        while cursor.advance() {
            let count = UInt16(clamping: cursor.count)
            let prefix = ByteStringTable.prefix(cursor.term)
            if let index = entries[..<titled].firstIndex(where: { $0.prefix == prefix && $0.term.elementsEqual(cursor.term) }) {
                entries[index].counts.teaser = count
            } else {
                entries.append(Entry(prefix: prefix, term: cursor.term, counts: .init(teaser: count)))
            }
        }
        for entry in entries { set(Self.filterBit(entry.term)) }
        entries.sort { left, right in
            left.prefix != right.prefix ? left.prefix < right.prefix : ByteStringTable.precedes(left.term, right.term)
        }
    }

    /// The counts of `term`, which is then no longer left; nil when the title and teaser do not have it.
    mutating func take(_ term: UnsafeBufferPointer<UInt8>) -> DocumentTerms.Counts? {
        guard mayHave(Self.filterBit(term)) else { return nil }
        let prefix = ByteStringTable.prefix(term)
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].prefix < prefix { low = middle + 1 } else { high = middle }
        }
        while low < entries.count, entries[low].prefix == prefix {
            if entries[low].term.elementsEqual(term) {
                entries[low].taken = true
                return entries[low].counts
            }
            low += 1
        }
        return nil
    }

    /// One of 256 bits for `term`, from its length and first two bytes.
    private static func filterBit(_ term: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = term.first else { return 0 }
        let second = term.count > 1 ? Int(term[1]) : 0
        return (Int(first) &* 31 &+ second &* 7 &+ term.count) & 255
    }

    private mutating func set(_ bit: Int) {
        let mask: UInt64 = 1 << UInt64(bit & 63)
        switch bit >> 6 {
        case 0: filter.0 |= mask
        case 1: filter.1 |= mask
        case 2: filter.2 |= mask
        default: filter.3 |= mask
        }
    }

    private func mayHave(_ bit: Int) -> Bool {
        let word = switch bit >> 6 {
        case 0: filter.0
        case 1: filter.1
        case 2: filter.2
        default: filter.3
        }
        return word & 1 << UInt64(bit & 63) != 0
    }

    /// Calls `visit` with each term not taken, in the order of their bytes.
    func forEachLeft(_ visit: (UnsafeBufferPointer<UInt8>, DocumentTerms.Counts) -> Void) {
        for entry in entries where !entry.taken { visit(entry.term, entry.counts) }
    }
}
