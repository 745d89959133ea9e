import Basics
import CXXHash

/// The documents and the inverted index of a ``SearchIndex``, before files are named.
///
/// Made from the documents and the previous build's index (``IndexMemo``; an empty one for
/// a build from scratch, so both take the same path): postings of documents whose terms are
/// unchanged are kept, only the terms of new and changed documents are gathered, only the
/// lists they touch are sorted again, and ``kept`` tells which entries have the bytes they
/// had, so that their shards keep their names without being written out again.
struct IndexContent: Sendable {
    struct Document: Sendable {
        var url: String
        /// ``SearchDocument/termsHash``.
        var termsHash: UInt64
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
    struct Posting: Sendable, Hashable {
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
    /// In URL order; a posting names its document by its place here.
    let documents: [Document]
    /// The documents' posting frames back to back: document `n`'s head is
    /// `frames[frameBounds[2n]..<frameBounds[2n + 1]]`, its tail runs to `frameBounds[2n + 2]`.
    /// Writing millions of postings reads them from here without copying a document (and
    /// retaining its strings) per posting, which took most of the writing time.
    let frames: [UInt8]
    let frameBounds: [Int]
    /// Each document's frames (head and tail) hashed (XXH3), for ``moreDescription(term:)``.
    let frameHashes: [UInt64]
    /// Every term, in the order of their bytes, with its postings in impact order (ties in URL order).
    let terms: [String]
    let postings: [[Posting]]
    /// Each term's entry size (``entrySize(term:postings:documents:headLimit:)``), for the shard plan.
    let sizes: [Int]
    /// Shard prefixes, sorted, and the indices into ``terms`` of each shard's terms.
    let shards: [(prefix: String, terms: [Int])]
    /// For each term whose entry has the same bytes as in the previous index, its index there.
    let kept: [Int?]

    init(documents input: [SearchDocument], settings: SearchIndex.Settings, jobs: Int, previous memo: IndexMemo?,
         name: @Sendable ([UInt8]) -> String) {
        self.settings = settings
        let previous = memo.flatMap { $0.settings == settings ? $0 : nil } ?? IndexMemo(settings: settings)
        let sorted = input.sorted { $0.url < $1.url }
        var documents = parallelMap(sorted, jobs: jobs) { document in
            let fragment = Self.fragment(of: document)
            return Document(url: document.url, termsHash: document.termsHash, id: String(name(fragment).prefix(10)), fragment: fragment,
                            bucket: DocumentTerms.bucket(ofLength: document.body.summary.length), weight: document.weight)
        }
        Self.separateEqualIDs(&documents)
        var frames: [UInt8] = [], frameBounds = [0]
        for index in documents.indices {
            Self.framePostings(of: &documents[index])
            frames += documents[index].head
            frameBounds.append(frames.count)
            frames += documents[index].tail
            frameBounds.append(frames.count)
        }
        self.documents = documents
        self.frames = frames
        self.frameBounds = frameBounds
        frameHashes = frames.withUnsafeBytes { bytes in
            documents.indices.map { number in
                let frame = UnsafeRawBufferPointer(rebasing: bytes[frameBounds[2 * number]..<frameBounds[2 * number + 2]])
                return XXH3_64bits(frame.baseAddress, frame.count)
            }
        }

        // A previous document with the same URL and terms keeps its postings under its new
        // number; those of the others go, and new and changed documents are gathered.
        var renumbered = [Int32](repeating: -1, count: previous.documents.count)
        // The new number of every previous document that is still there, changed or not.
        var successor = [Int32](repeating: -1, count: previous.documents.count)
        var reframed = [Bool](repeating: false, count: documents.count)
        var gather: [Int] = []
        var old = 0
        for (number, document) in documents.enumerated() {
            while old < previous.documents.count, previous.documents[old].url < document.url { old += 1 }
            if old < previous.documents.count, previous.documents[old].url == document.url {
                successor[old] = Int32(number)
                reframed[number] = previous.documents[old].head != document.head || previous.documents[old].tail != document.tail
                if previous.documents[old].termsHash == document.termsHash {
                    renumbered[old] = Int32(number)
                } else {
                    gather.append(number)
                }
                old += 1
            } else {
                gather.append(number)
            }
        }
        var terms = previous.terms
        var lists = previous.postings
        // Lists that lose or gain a posting; touched are those whose entry's bytes change.
        var modified = [Bool](repeating: false, count: terms.count)
        var touched = [Bool](repeating: false, count: terms.count)
        for index in lists.indices {
            var removes = false, moves = false
            for posting in lists[index] {
                let number = renumbered[Int(posting.document)]
                if number < 0 {
                    removes = true
                    break
                }
                moves = moves || number != Int32(posting.document)
                touched[index] = touched[index] || reframed[Int(number)]
            }
            if removes {
                modified[index] = true
                lists[index] = lists[index].compactMap { posting in
                    let number = renumbered[Int(posting.document)]
                    return number < 0 ? nil : Posting(document: UInt32(number), title: posting.title, teaser: posting.teaser, body: posting.body)
                }
            } else if moves {
                // Numbers keep their order: the list stays sorted.
                for position in lists[index].indices {
                    lists[index][position].document = UInt32(renumbered[Int(lists[index][position].document)])
                }
            }
        }
        // Gathered a chunk at a time (merged in parallel): all documents' terms at once would
        // take gigabytes at archive scale.
        var table = ByteStringTable(capacity: terms.count + 1024)
        for term in terms {
            var term = term
            _ = term.withUTF8 { table.number(of: $0) }
        }
        var start = 0
        while start < gather.count {
            let chunk = Array(gather[start..<min(start + 256 * max(1, jobs), gather.count)])
            // Terms the table knows are looked up by the workers (it is not changed meanwhile);
            // only new terms are added here, in document order. Looking up every posting's
            // term in one thread was a third of the step.
            let gathered = { [table] in parallelMap(chunk, jobs: jobs) { Gathered(DocumentTerms(sorted[$0]), number: $0, in: table) } }()
            for document in gathered {
                for (index, posting) in zip(document.known, document.knownPostings) {
                    lists[Int(index)].append(posting)
                    modified[Int(index)] = true
                }
                document.forEachNew { term, posting in
                    let index = table.number(of: term)
                    if index == terms.count {
                        terms.append(String(decoding: term, as: UTF8.self))
                        lists.append([posting])
                        modified.append(true)
                        touched.append(true)
                    } else {
                        lists[index].append(posting)
                        modified[index] = true
                    }
                }
            }
            start += chunk.count
        }
        // A changed document's postings often come back as they were (a typo fixed touches
        // one or two of its terms): a list that is the same as before is not touched.
        // Sorted in parallel, a batch of lists at a time: a batch is moved out of `lists` and
        // back, so no more than a batch is held twice (in one thread, sorting was a seventh
        // of a clean index).
        let changed = lists.indices.filter { modified[$0] }
        var first = 0
        while first < changed.count {
            var end = first, postings = 0
            while end < changed.count, postings < Self.sortBatch {
                postings += lists[changed[end]].count
                end += 1
            }
            let batch = changed[first..<end].map { index in (index: index, list: Self.take(&lists[index])) }
            let sorted = { [touched, successor, reframed] in
                parallelMap(batch, jobs: jobs) { index, list in
                    let sorted = Self.sortedByImpact(list)
                    guard index < previous.terms.count, !touched[index] else { return (sorted, touched[index]) }
                    return (sorted, !Self.same(previous.postings[index], sorted, successor: successor, reframed: reframed))
                }
            }()
            for ((index, _), (list, isTouched)) in zip(batch, sorted) {
                lists[index] = list
                touched[index] = isTouched
            }
            first = end
        }
        // The previous terms are in byte order; new ones are sorted and merged in.
        let known = previous.terms.count
        let remaining = (0..<known).filter { !lists[$0].isEmpty }
        var added = Array(known..<terms.count)
        table.sortByKey(&added)
        var order: [Int] = []
        order.reserveCapacity(remaining.count + added.count)
        var (r, a) = (0, 0)
        while r < remaining.count || a < added.count {
            if a == added.count || r < remaining.count && table.precedes(remaining[r], added[a]) {
                order.append(remaining[r])
                r += 1
            } else {
                order.append(added[a])
                a += 1
            }
        }
        let sortedTerms = order.map { terms[$0] }
        let postings = order.map { lists[$0] }
        let kept = order.map { $0 < known && !touched[$0] ? $0 : nil }
        let sizes = order.indices.map { index in
            kept[index].map { previous.sizes[$0] }
                ?? Self.entrySize(term: sortedTerms[index], postings: postings[index], frameBounds: frameBounds, headLimit: settings.headLimit)
        }
        self.terms = sortedTerms
        self.postings = postings
        self.kept = kept
        self.sizes = sizes
        let plan = ShardPlan(sortedTerms: sortedTerms, sizes: sizes, limit: settings.shardLimit)
        shards = zip(plan.prefixes, plan.members).map { ($0, $1) }
    }

    /// A document's postings, by the number of their term in the table of the terms known
    /// before its chunk, and those of terms the table did not know, with the terms' bytes.
    private struct Gathered: Sendable {
        var known: [Int32] = []
        var knownPostings: [Posting] = []
        /// The new terms' bytes, each followed by a zero byte.
        var new: [UInt8] = []
        var newPostings: [Posting] = []

        init(_ terms: DocumentTerms, number: Int, in table: ByteStringTable) {
            terms.forEach { term, count in
                let posting = Posting(document: UInt32(number), title: UInt8(clamping: count.title), teaser: UInt8(clamping: count.teaser),
                                      body: UInt16(clamping: count.body))
                if let index = table.find(term) {
                    known.append(Int32(index))
                    knownPostings.append(posting)
                } else {
                    new.append(contentsOf: term)
                    new.append(0)
                    newPostings.append(posting)
                }
            }
        }

        func forEachNew(_ body: (UnsafeBufferPointer<UInt8>, Posting) -> Void) {
            new.withUnsafeBufferPointer { bytes in
                var start = 0
                for posting in newPostings {
                    guard let end = bytes[start...].firstIndex(of: 0) else { return }
                    body(UnsafeBufferPointer(rebasing: bytes[start..<end]), posting)
                    start = end + 1
                }
            }
        }
    }

    /// Postings sorted in parallel at once, at most (``init(documents:settings:jobs:previous:name:)``).
    private static let sortBatch = 1 << 18

    /// `list`, emptied; its postings are then held only by what it returns.
    private static func take(_ list: inout [Posting]) -> [Posting] {
        var taken: [Posting] = []
        swap(&taken, &list)
        return taken
    }

    /// The list best first (``Posting/impact``, in millionths), ties in document order: by a
    /// key made once per posting, as computing the impact in each comparison took most of
    /// the time. A new array, without the room the gathering left.
    private static func sortedByImpact(_ list: [Posting]) -> [Posting] {
        guard list.count > 1 else { return list }
        var keyed = list.map { posting in
            // Impacts are below 13: in millionths they fit 24 bits; the better, the smaller the key.
            let impact = UInt64(max(0, min(posting.impact, 16)) * 1_000_000)
            return (key: ((1 << 24) - impact) << 32 | UInt64(posting.document), posting: posting)
        }
        keyed.sort { $0.key < $1.key }
        return keyed.map(\.posting)
    }

    /// Whether `before` (with the previous documents' numbers) has the postings `after` has,
    /// of documents whose postings are written as before.
    private static func same(_ before: [Posting], _ after: [Posting], successor: [Int32], reframed: [Bool]) -> Bool {
        var position = 0
        for posting in before {
            let number = successor[Int(posting.document)]
            guard number >= 0, !reframed[Int(number)], position < after.count, after[position] == Posting(document: UInt32(number), title: posting.title,
                                                                        teaser: posting.teaser, body: posting.body)
            else { return false }
            position += 1
        }
        return position == after.count
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

extension SearchDocument {
    /// A hash (XXH3) of what the document's postings count: its title, kicker, teaser,
    /// section, authors, tags and body terms (by their hash). A document with the same hash
    /// as last time keeps its postings.
    var termsHash: UInt64 {
        var text: [UInt8] = []
        for field in [kicker ?? "", title, teaser, section ?? ""] + authors + tags {
            text += field.utf8
            text.append(0)
        }
        withUnsafeBytes(of: body.summary.hash.littleEndian) { text += $0 }
        withUnsafeBytes(of: UInt64(body.summary.length).littleEndian) { text += $0 }
        return text.withUnsafeBytes { XXH3_64bits($0.baseAddress, $0.count) }
    }
}
