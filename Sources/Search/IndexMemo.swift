/// What a build's search index keeps for the next build's (``SearchIndex/memo``): each
/// document's URL, terms hash and posting frame, the terms with their postings and entry
/// sizes, and the names of the shards and of long lists' rests. With it, an edit gathers only
/// the edited document's terms and names only the shards whose bytes changed
/// (``IndexContent``); the preview keeps it in memory, `magbuild build` in the build cache
/// folder (``encode(_:)``).
public struct IndexMemo: Sendable {
    struct Document: Sendable, Hashable {
        var url: String
        var termsHash: UInt64
        var head: [UInt8]
        var tail: [UInt8]
    }

    let settings: SearchIndex.Settings
    let documents: [Document]
    let terms: [String]
    let postings: [[IndexContent.Posting]]
    let sizes: [Int]
    let shards: [(prefix: String, terms: [Int], name: String)]
    let moreNames: [Int: String]

    /// The memo of an index of no documents.
    init(settings: SearchIndex.Settings) {
        self.init(settings: settings, documents: [], terms: [], postings: [], sizes: [], shards: [], moreNames: [:])
    }

    init(settings: SearchIndex.Settings, documents: [Document], terms: [String], postings: [[IndexContent.Posting]], sizes: [Int],
         shards: [(prefix: String, terms: [Int], name: String)], moreNames: [Int: String]) {
        self.settings = settings
        self.documents = documents
        self.terms = terms
        self.postings = postings
        self.sizes = sizes
        self.shards = shards
        self.moreNames = moreNames
    }

    /// Opens every memo file; a file of another version is not read.
    static let magic = Array("MAGBUILD-SEARCH-2".utf8)

    /// The memo as bytes (variable-length integers and length-prefixed strings), handed to
    /// `write` a megabyte or so at a time: a large archive's memo is tens of megabytes.
    public func encode(_ write: ([UInt8]) throws -> Void) rethrows {
        var out = MemoWriter(bytes: Self.magic)
        out.write(settings.shardLimit)
        out.write(settings.headLimit)
        out.write(documents.count)
        for document in documents {
            out.write(document.url)
            out.write(Int(truncatingIfNeeded: document.termsHash))
            out.write(document.head)
            out.write(document.tail)
        }
        out.write(terms.count)
        for (index, term) in terms.enumerated() {
            out.write(term)
            out.write(sizes[index])
            out.write(postings[index].count)
            for posting in postings[index] {
                out.write(Int(posting.document))
                out.write(Int(posting.title))
                out.write(Int(posting.teaser))
                out.write(Int(posting.body))
            }
            if out.bytes.count >= 1 << 20 {
                try write(out.bytes)
                out.bytes.removeAll(keepingCapacity: true)
            }
        }
        out.write(shards.count)
        for shard in shards {
            out.write(shard.prefix)
            out.write(shard.name)
            out.write(shard.terms.count)
            for term in shard.terms { out.write(term) }
        }
        out.write(moreNames.count)
        for (term, name) in moreNames.sorted(by: { $0.key < $1.key }) {
            out.write(term)
            out.write(name)
        }
        try write(out.bytes)
    }

    /// The memo `bytes` hold; nil when they are not a whole memo of this version or refer to
    /// documents, terms or postings that are not there (a damaged file is no memo).
    public init?(encoded bytes: [UInt8]) {
        guard bytes.starts(with: Self.magic) else { return nil }
        var input = MemoReader(data: bytes, position: Self.magic.count)
        guard let memo = try? Self.read(&input), input.isAtEnd else { return nil }
        self = memo
    }

    private static func read(_ input: inout MemoReader) throws -> IndexMemo {
        var settings = SearchIndex.Settings()
        settings.shardLimit = try input.int()
        settings.headLimit = try input.int()
        guard settings.shardLimit > 0, settings.headLimit > 0 else { throw MemoReader.Damaged() }
        let documents = try (0..<input.count()).map { _ in
            Document(url: try input.string(), termsHash: UInt64(truncatingIfNeeded: try input.int()), head: try input.bytes(), tail: try input.bytes())
        }
        var terms: [String] = [], sizes: [Int] = [], postings: [[IndexContent.Posting]] = []
        for _ in 0..<(try input.count()) {
            let term = try input.string()
            // Distinct and in byte order, as an index has them.
            guard !term.isEmpty, terms.last.map({ ShardPlan.precedes($0, term) }) ?? true else { throw MemoReader.Damaged() }
            terms.append(term)
            sizes.append(try input.int())
            postings.append(try (0..<input.count()).map { _ in
                let document = try input.int(below: documents.count)
                return IndexContent.Posting(document: UInt32(document), title: UInt8(try input.int(below: 256)),
                                            teaser: UInt8(try input.int(below: 256)), body: UInt16(try input.int(below: 1 << 16)))
            })
        }
        let shards = try (0..<input.count()).map { _ in
            let prefix = try input.string(), name = try input.string()
            return (prefix: prefix, terms: try (0..<input.count()).map { _ in try input.int(below: terms.count) }, name: name)
        }
        var moreNames: [Int: String] = [:]
        for _ in 0..<(try input.count()) { moreNames[try input.int(below: terms.count)] = try input.string() }
        return IndexMemo(settings: settings, documents: documents, terms: terms, postings: postings, sizes: sizes, shards: shards, moreNames: moreNames)
    }
}

extension IndexMemo: Equatable {
    /// Cheap for the memo of an index made from the other: lists it kept are the same arrays.
    public static func == (left: IndexMemo, right: IndexMemo) -> Bool {
        left.settings == right.settings && left.documents == right.documents && left.terms == right.terms
            && left.sizes == right.sizes && left.moreNames == right.moreNames && left.shards.count == right.shards.count
            && zip(left.shards, right.shards).allSatisfy { $0.prefix == $1.prefix && $0.name == $1.name && $0.terms == $1.terms }
            && left.postings == right.postings
    }
}

private struct MemoWriter {
    var bytes: [UInt8]

    mutating func write(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func write(_ value: [UInt8]) {
        write(value.count)
        bytes += value
    }

    mutating func write(_ value: String) { write(Array(value.utf8)) }
}

struct MemoReader {
    struct Damaged: Error {}

    let data: [UInt8]
    var position: Int

    var isAtEnd: Bool { position == data.count }

    mutating func int() throws -> Int {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard position < data.count, shift < 64 else { throw Damaged() }
            let byte = data[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            shift += 7
            if byte < 0x80 { return Int(Int64(bitPattern: value)) }
        }
    }

    /// A number in `0..<limit`.
    mutating func int(below limit: Int) throws -> Int {
        let value = try int()
        guard value >= 0, value < limit else { throw Damaged() }
        return value
    }

    /// A count of things that follow, each at least a byte: never more than the bytes left.
    mutating func count() throws -> Int {
        let value = try int()
        guard value >= 0, value <= data.count - position else { throw Damaged() }
        return value
    }

    mutating func bytes() throws -> [UInt8] {
        let count = try count()
        defer { position += count }
        return Array(data[position..<position + count])
    }

    mutating func string() throws -> String { String(decoding: try bytes(), as: UTF8.self) }
}
