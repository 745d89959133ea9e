/// What the search index knows of one page: what a result shows, and the text it is found by.
public struct SearchDocument: Sendable, Hashable {
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
    public var body: BodyTerms
    /// How much a match counts: 1 for articles, less for plain pages.
    public var weight: Double

    public init(url: String, title: String, teaser: String, kicker: String? = nil, section: String? = nil,
                authors: [String] = [], tags: [String] = [], date: String, body: BodyTerms, weight: Double = 1) {
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

/// The terms of a body and how often each occurs, packed in one byte array (each term's
/// UTF-8, a zero byte, its count as a variable-length integer; sorted by term), so that
/// the build cache holds ten thousand articles' terms as ten thousand arrays.
public struct BodyTerms: Sendable, Hashable {
    public private(set) var packed: [UInt8]
    /// How many terms the body has, repeats counted.
    public private(set) var length: Int

    public static let empty = BodyTerms(counts: [:], length: 0)

    /// The terms of `text` (``SearchText/forEachTerm(in:_:)``).
    public init(text: String) {
        var counts: [String: Int] = [:]
        var length = 0
        SearchText.forEachTerm(in: text) { term in
            counts[term, default: 0] += 1
            length += 1
        }
        self.init(counts: counts, length: length)
    }

    init(counts: [String: Int], length: Int) {
        var packed: [UInt8] = []
        for term in counts.keys.sorted() {
            packed += term.utf8
            packed.append(0)
            var rest = UInt(counts[term] ?? 0)
            while rest >= 0x80 {
                packed.append(UInt8(truncatingIfNeeded: rest) | 0x80)
                rest >>= 7
            }
            packed.append(UInt8(rest))
        }
        self.packed = packed
        self.length = length
    }

    /// Terms as ``packed`` holds them (from the build cache); nil when the bytes are not such a list.
    public init?(packed: [UInt8], length: Int) {
        self.packed = packed
        self.length = length
        var valid = true
        let complete = walk { term, count in valid = valid && !term.isEmpty && count > 0 }
        guard complete, valid, length >= 0 else { return nil }
    }

    /// Calls `body` with each term and its count, in term order.
    public func forEach(_ body: (String, Int) -> Void) {
        _ = walk(body)
    }

    /// ``forEach(_:)``; false when bytes that do not end in a term and a count stopped the walk.
    private func walk(_ body: (String, Int) -> Void) -> Bool {
        packed.withUnsafeBufferPointer { bytes in
            var position = 0
            while position < bytes.count {
                guard let zero = bytes[position...].firstIndex(of: 0), zero + 1 < bytes.count else { return false }
                let term = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<zero]), as: UTF8.self)
                var count = 0, shift = 0
                position = zero + 1
                while position < bytes.count, shift < 63 {
                    let byte = bytes[position]
                    position += 1
                    count |= Int(byte & 0x7F) << shift
                    shift += 7
                    if byte < 0x80 { break }
                }
                body(term, count)
            }
            return true
        }
    }
}

/// A document's terms (``SearchText/terms(in:)``) and how often each occurs in each field:
/// the title (with the kicker), the teaser (with section, authors and tags) and the body.
/// Ranking weighs the fields differently; the body's length normalises its counts.
public struct DocumentTerms: Sendable, Hashable {
    public struct Counts: Sendable, Hashable {
        public var title: UInt16 = 0, teaser: UInt16 = 0
        public var body: UInt32 = 0
    }

    public var counts: [String: Counts] = [:]
    /// Terms in the body.
    public var bodyLength = 0

    public init(_ document: SearchDocument) {
        SearchText.forEachTerm(in: [document.kicker ?? "", document.title].joined(separator: " ")) { term in
            counts[term, default: Counts()].title &+= 1
        }
        let about = [document.teaser, document.section ?? ""] + document.authors + document.tags
        SearchText.forEachTerm(in: about.joined(separator: " ")) { term in
            counts[term, default: Counts()].teaser &+= 1
        }
        document.body.forEach { term, count in
            counts[term, default: Counts()].body = UInt32(clamping: Int(counts[term, default: Counts()].body) + count)
        }
        bodyLength = document.body.length
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
