import Basics

/// The search index of a set of documents, as static files in the manner of Pagefind: a
/// query downloads a small directory and only the shards and fragments it needs. Every file
/// but `search/index.json` is named by a hash of its content, so CDNs may cache it forever.
///
/// - `search/index.json`: the document count, the mean body length bucket, the stop words
///   (``StopWords``), and for each first letter of a shard prefix the name of its group
///   file. The one file a client revalidates.
/// - `search/group/<name>.json`: the shards of one first letter, prefix to name.
/// - `search/shard/<name>.json`: the terms of one shard (``ShardPlan``), each with its
///   document frequency and postings `[document, title count, teaser count, body count,
///   length bucket]` (a sixth element, the weight, when it is not 1), best first;
///   a term with more than ``Settings/headLimit`` postings keeps the rest in a third element,
///   the name of its `search/more/<name>.json`.
/// - `search/fragment/<document>.json`: what a result shows of one document; the document's
///   name is the hash of this file, so a posting names its fragment.
///
/// Documents and terms are sorted before anything is written: the files depend on the set
/// of documents, not on their order, and an edit changes only the shards of the terms the
/// edited document had or has.
public struct SearchIndex: Sendable {
    public struct Settings: Sendable, Hashable {
        /// A shard larger than this (bytes of its terms' entries) is split by one more letter.
        public var shardLimit = 48 << 10
        /// Postings of a term kept in its shard; the rest are in a file of their own.
        public var headLimit = 400

        public init() {}
    }

    /// One file of the index; ``bytes(of:)`` makes its content.
    public struct File: Sendable, Hashable {
        public let path: String
        let part: Part

        /// Whether the name is the whole hash of the content (shards, groups, long lists): then
        /// a file of the same path has the same bytes. Fragments are named by a hash's start.
        public var isNamedByContent: Bool {
            switch part {
            case .shard, .more, .group: true
            case .fragment, .directory: false
            }
        }
    }

    enum Part: Sendable, Hashable {
        case fragment(Int), shard(Int), more(term: Int), group(Int), directory
    }

    let content: IndexContent
    /// The file name (a hash, without `.json`) of each shard and of each long term's rest.
    let shardNames: [String]
    let moreNames: [Int: String]
    /// The shards by the first letter of their prefix, with the group file's name.
    let groups: [(letter: String, shards: [Int], name: String)]
    /// Every file, fragments first, `search/index.json` last.
    public let files: [File]

    /// The index of `documents`. `name` names a file by its bytes (a hex digest).
    public init(documents: [SearchDocument], settings: Settings = Settings(), jobs: Int = 1,
                name: @escaping @Sendable ([UInt8]) -> String) {
        let content = IndexContent(documents: documents, settings: settings, jobs: jobs, name: name)
        let long = content.terms.indices.filter { content.postings[$0].count > settings.headLimit }
        let moreNames = Dictionary(uniqueKeysWithValues: zip(long, parallelMap(long, jobs: jobs) { name(content.moreBytes(term: $0)) }))
        let shardNames = parallelMap(Array(content.shards.indices), jobs: jobs) { name(content.shardBytes($0, moreNames: moreNames)) }
        var byLetter: [(letter: String, shards: [Int])] = []
        for (shard, entry) in content.shards.enumerated() {
            let letter = String(String.UnicodeScalarView(entry.prefix.unicodeScalars.prefix(1)))
            if byLetter.last?.letter == letter {
                byLetter[byLetter.count - 1].shards.append(shard)
            } else {
                byLetter.append((letter, [shard]))
            }
        }
        let groups = byLetter.map { (letter: $0.letter, shards: $0.shards, name: name(content.groupBytes($0.shards, names: shardNames))) }
        var files = content.documents.indices.map { File(path: "search/fragment/\(content.documents[$0].id).json", part: .fragment($0)) }
        files += content.shards.indices.map { File(path: "search/shard/\(shardNames[$0]).json", part: .shard($0)) }
        // Two terms with the same rest (the same documents, counted alike) share its file.
        var rests = Set<String>()
        files += long.filter { rests.insert(moreNames[$0] ?? "").inserted }
            .map { File(path: "search/more/\(moreNames[$0] ?? "").json", part: .more(term: $0)) }
        files += groups.indices.map { File(path: "search/group/\(groups[$0].name).json", part: .group($0)) }
        files.append(File(path: "search/index.json", part: .directory))
        self.content = content
        self.shardNames = shardNames
        self.moreNames = moreNames
        self.files = files
        self.groups = groups
    }

    /// The content of `file`.
    public func bytes(of file: File) -> [UInt8] {
        switch file.part {
        case .fragment(let document): content.documents[document].fragment
        case .shard(let shard): content.shardBytes(shard, moreNames: moreNames)
        case .more(let term): content.moreBytes(term: term)
        case .group(let group): content.groupBytes(groups[group].shards, names: shardNames)
        case .directory: content.directoryBytes(groups: groups.map { ($0.letter, $0.name) })
        }
    }
}

/// The documents and the inverted index of a ``SearchIndex``, before files are named.
struct IndexContent: Sendable {
    struct Document: Sendable {
        var id: String
        var fragment: [UInt8]
        var bucket: Int
        var weight: Double
        /// A posting of the document in JSON is `head`, the three counts, `tail`:
        /// `["id",` and `,bucket]` (or `,bucket,weight]`), made once per document.
        var head: [UInt8] = []
        var tail: [UInt8] = []
    }

    /// Eight bytes, as there are millions: counts beyond these types' ranges rank no higher
    /// (every field's count is saturated) and are written at their maximum.
    struct Posting: Sendable {
        var document: UInt32
        var title: UInt8
        var teaser: UInt8
        var body: UInt16

        /// Orders postings so that a client reading the head of a list sees the best first: the
        /// page script's score without the term's rarity and the body's length (a title match
        /// counts three times a body match, however often the term is in the body).
        var impact: Double {
            func saturated(_ count: Double) -> Double { count * 2.2 / (count + 1.2) }
            return 3 * saturated(Double(title)) + 1.5 * saturated(Double(teaser)) + saturated(Double(body))
        }
    }

    let settings: SearchIndex.Settings
    let documents: [Document]
    /// Every term, in the order of their bytes, with its postings in impact order (ties in URL order).
    let terms: [String]
    let postings: [[Posting]]
    /// Shard prefixes, sorted, and the indices into ``terms`` of each shard's terms.
    let shards: [(prefix: String, terms: [Int])]

    init(documents input: [SearchDocument], settings: SearchIndex.Settings, jobs: Int, name: @Sendable ([UInt8]) -> String) {
        self.settings = settings
        let sorted = input.sorted { $0.url < $1.url }
        var documents = parallelMap(sorted, jobs: jobs) { document in
            let fragment = Self.fragment(of: document)
            return Document(id: String(name(fragment).prefix(10)), fragment: fragment,
                            bucket: DocumentTerms.bucket(ofLength: document.body.length), weight: document.weight)
        }
        Self.separateEqualIDs(&documents)
        for index in documents.indices { Self.framePostings(of: &documents[index]) }
        self.documents = documents
        // Documents' terms are merged in parallel a chunk at a time and gathered into one
        // list per term: all documents' terms at once would take gigabytes at archive scale.
        var table = ByteStringTable(capacity: 1 << 16)
        var lists: [[Posting]] = []
        var start = 0
        while start < sorted.count {
            let chunk = start..<min(start + 256 * max(1, jobs), sorted.count)
            let merged = parallelMap(Array(chunk), jobs: jobs) { DocumentTerms(sorted[$0]) }
            for (offset, terms) in merged.enumerated() {
                let document = UInt32(chunk.lowerBound + offset)
                terms.forEach { term, count in
                    let posting = Posting(document: document, title: UInt8(clamping: count.title), teaser: UInt8(clamping: count.teaser),
                                          body: UInt16(clamping: count.body))
                    let number = table.number(of: term)
                    if number == lists.count { lists.append([posting]) } else { lists[number].append(posting) }
                }
            }
            start = chunk.upperBound
        }
        Self.sortByImpact(&lists)
        let order = table.numbersInKeyOrder()
        terms = order.map(table.string)
        table = ByteStringTable()
        let postings = order.map { lists[$0] }
        lists = []
        self.postings = postings
        let sizes = zip(terms, postings).map { Self.entrySize(term: $0, postings: $1, documents: documents, headLimit: settings.headLimit) }
        let plan = ShardPlan(sortedTerms: terms, sizes: sizes, limit: settings.shardLimit)
        shards = zip(plan.prefixes, plan.members).map { ($0, $1) }
    }

    /// Sorts each list best first (``Posting/impact``, in millionths), ties in document order:
    /// by a key made once per posting, as computing the impact in each comparison took most of the time.
    private static func sortByImpact(_ lists: inout [[Posting]]) {
        var keyed: [(key: UInt64, posting: Posting)] = []
        for index in lists.indices where lists[index].count > 1 {
            keyed.removeAll(keepingCapacity: true)
            for posting in lists[index] {
                // Impacts are below 13: in millionths they fit 24 bits; the better, the smaller the key.
                let impact = UInt64(max(0, min(posting.impact, 16)) * 1_000_000)
                keyed.append((((1 << 24) - impact) << 32 | UInt64(posting.document), posting))
            }
            keyed.sort { $0.key < $1.key }
            // A new array, without the room the gathering left at its end.
            lists[index] = keyed.map(\.posting)
        }
    }

    /// Two documents whose fragments' names begin alike (rare) are told apart by a suffix, in URL order.
    static func separateEqualIDs(_ documents: inout [Document]) {
        var seen: [String: Int] = [:]
        for index in documents.indices {
            let id = documents[index].id
            if let count = seen[id] {
                documents[index].id = "\(id)-\(count)"
                seen[id] = count + 1
            } else {
                seen[id] = 1
            }
        }
    }
}
