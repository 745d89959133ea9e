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
///   the name of its `search/more/<name>.json` (named by a hash of a description of those
///   postings that fixes its bytes, ``IndexContent/moreDescription(term:)``).
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

        /// Whether the name is a whole hash of what fixes the content (shards, groups, long
        /// lists): then a file of the same path has the same bytes. Fragments are named by a
        /// hash's start.
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

    /// The index of `documents`. `name` names a file by its bytes (a hex digest). With the
    /// memo of an index made before (``memo``), the work is that of what changed since; the
    /// files are the same as without it.
    public init(documents: [SearchDocument], settings: Settings = Settings(), jobs: Int = 1, previous: IndexMemo? = nil,
                name: @escaping @Sendable ([UInt8]) -> String) {
        let content = IndexContent(documents: documents, settings: settings, jobs: jobs, previous: previous, name: name)
        // An entry that kept its bytes keeps the name of its rest, and a shard of only such
        // entries (the same ones as before) keeps its name.
        let long = content.terms.indices.filter { content.postings[$0].count > settings.headLimit }
        let moreNames = Dictionary(uniqueKeysWithValues: zip(long, parallelMap(long, jobs: jobs) { term in
            content.kept[term].flatMap { previous?.moreNames[$0] } ?? name(content.moreDescription(term: term))
        }))
        let before = Dictionary((previous?.shards ?? []).map { ($0.prefix, (terms: $0.terms, name: $0.name)) }, uniquingKeysWith: { _, last in last })
        let shardNames = parallelMap(Array(content.shards.indices), jobs: jobs) { shard in
            let (prefix, terms) = content.shards[shard]
            if let old = before[prefix], old.terms.count == terms.count, zip(terms, old.terms).allSatisfy({ content.kept[$0] == $1 }) {
                return old.name
            }
            return name(content.shardBytes(shard, moreNames: moreNames))
        }
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

    /// What the next build's index needs of this one (``init(documents:settings:jobs:previous:name:)``).
    public var memo: IndexMemo {
        IndexMemo(
            settings: content.settings,
            documents: content.documents.map { IndexMemo.Document(url: $0.url, termsHash: $0.termsHash, head: $0.head, tail: $0.tail) },
            terms: content.terms, postings: content.postings, sizes: content.sizes,
            shards: zip(content.shards, shardNames).map { (prefix: $0.prefix, terms: $0.terms, name: $1) }, moreNames: moreNames)
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
