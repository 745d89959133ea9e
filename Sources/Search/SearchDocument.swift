/// What the search index knows of one page: what a result shows, and the text it is found by.
public struct SearchDocument: Sendable, Hashable {
    public var url: String
    public var title: String
    public var teaser: String
    public var kicker: String?
    public var section: String?
    public var authors: [String]
    public var tags: [String]
    /// The publication day, `2026-12-03`.
    public var date: String
    /// The body as plain text.
    public var body: String
    /// How much a match counts: 1 for articles, less for plain pages.
    public var weight: Double

    public init(url: String, title: String, teaser: String, kicker: String? = nil, section: String? = nil,
                authors: [String] = [], tags: [String] = [], date: String, body: String, weight: Double = 1) {
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

/// A document's terms (``SearchText/terms(in:)``) and how often each occurs in each field:
/// the title (with the kicker), the teaser (with section, authors and tags) and the body.
/// Ranking weighs the fields differently; the body's length normalises its counts.
public struct DocumentTerms: Sendable, Hashable {
    public struct Counts: Sendable, Hashable {
        public var title = 0, teaser = 0, body = 0
    }

    public var counts: [String: Counts] = [:]
    /// Terms in the body.
    public var bodyLength = 0

    public init(_ document: SearchDocument) {
        for term in SearchText.terms(in: ([document.kicker ?? "", document.title]).joined(separator: " ")) {
            counts[term, default: Counts()].title += 1
        }
        let about = [document.teaser, document.section ?? ""] + document.authors + document.tags
        for term in SearchText.terms(in: about.joined(separator: " ")) {
            counts[term, default: Counts()].teaser += 1
        }
        SearchText.forEachTerm(in: document.body) { term in
            counts[term, default: Counts()].body += 1
            bodyLength += 1
        }
    }

    /// The body's length, coarsened so that small edits keep it: the smallest power of
    /// 1.25 (rounded down) at or above it. Ranking needs no more, and a posting that keeps
    /// its bucket keeps its bytes.
    public var lengthBucket: Int {
        var bucket = 0
        var bound = 1.0
        while bound < Double(bodyLength) {
            bound *= 1.25
            bucket += 1
        }
        return bucket
    }
}
