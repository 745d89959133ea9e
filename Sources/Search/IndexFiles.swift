import Basics

/// The JSON of the index files (see ``SearchIndex``), written byte by byte: the files of a
/// large archive's index hold millions of postings.
extension IndexContent {
    /// What a result shows of `document`.
    static func fragment(of document: SearchDocument) -> [UInt8] {
        var out: [UInt8] = []
        out.append(contentsOf: "{\"url\":".utf8)
        JSONString.append(document.url, style: .plain, to: &out)
        out.append(contentsOf: ",\"title\":".utf8)
        JSONString.append(document.title, style: .plain, to: &out)
        out.append(contentsOf: ",\"teaser\":".utf8)
        JSONString.append(document.teaser, style: .plain, to: &out)
        out.append(contentsOf: ",\"date\":".utf8)
        JSONString.append(document.date, style: .plain, to: &out)
        if let kicker = document.kicker {
            out.append(contentsOf: ",\"kicker\":".utf8)
            JSONString.append(kicker, style: .plain, to: &out)
        }
        if let section = document.section {
            out.append(contentsOf: ",\"section\":".utf8)
            JSONString.append(section, style: .plain, to: &out)
        }
        out.append(contentsOf: ",\"authors\":[".utf8)
        for (index, author) in document.authors.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONString.append(author, style: .plain, to: &out)
        }
        out.append(contentsOf: "]}".utf8)
        return out
    }

    /// A term's entry's size in its shard, for the shard plan: its head's postings and a
    /// little for the term and framing (not byte-exact; a function of the content alone).
    static func entrySize(term: String, postings: [Posting], frameBounds: [Int], headLimit: Int) -> Int {
        var size = term.utf8.count + 24
        for posting in postings.prefix(headLimit) {
            let document = Int(posting.document)
            size += frameBounds[2 * document + 2] - frameBounds[2 * document] + 2
                + digits(Int(posting.title)) + digits(Int(posting.teaser)) + digits(Int(posting.body))
        }
        return size
    }

    private static func digits(_ value: Int) -> Int {
        var count = 1, rest = value
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }

    /// `{"term":[df,[postings…]],…}`, with the name of the rest's file third for long terms.
    func shardBytes(_ shard: Int, moreNames: [Int: String]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (position, term) in shards[shard].terms.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            JSONString.append(terms[term], style: .plain, to: &out)
            out.append(contentsOf: ":[".utf8)
            append(postings[term].count, to: &out)
            out.append(UInt8(ascii: ","))
            appendPostings(postings[term].prefix(settings.headLimit), to: &out)
            if let more = moreNames[term] {
                out.append(UInt8(ascii: ","))
                JSONString.append(more, style: .plain, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// What names the file of the postings of `term` after its head (``moreBytes(term:)``):
    /// each posting's document, by a hash of its frames, and its counts, after a tag that
    /// names the JSON's format. Naming the file by a hash of this rather than of its JSON
    /// spares making the JSON of every rest twice in a build from scratch (once to name it,
    /// once to write it): the rests are most of the index's bytes.
    func moreDescription(term: Int) -> [UInt8] {
        let rest = postings[term].dropFirst(settings.headLimit)
        var out = Array(Self.moreFormat.utf8)
        out.reserveCapacity(out.count + 12 * rest.count)
        for posting in rest {
            withUnsafeBytes(of: frameHashes[Int(posting.document)].littleEndian) { out.append(contentsOf: $0) }
            out.append(posting.title)
            out.append(posting.teaser)
            withUnsafeBytes(of: posting.body.littleEndian) { out.append(contentsOf: $0) }
        }
        return out
    }

    /// Changes whenever ``appendPostings(_:to:)`` writes a posting differently, so that a
    /// rest's name never stands for other bytes.
    private static let moreFormat = "magbuild search rest, postings v1\n"

    /// The postings of `term` after its head, as a JSON array.
    func moreBytes(term: Int) -> [UInt8] {
        var out: [UInt8] = []
        appendPostings(postings[term].dropFirst(settings.headLimit), to: &out)
        return out
    }

    /// `{"prefix":"shard name",…}` for `members`.
    func groupBytes(_ members: [Int], names: [String]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (position, shard) in members.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            JSONString.append(shards[shard].prefix, style: .plain, to: &out)
            out.append(UInt8(ascii: ":"))
            JSONString.append(names[shard], style: .plain, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// `search/index.json`.
    func directoryBytes(groups: [(letter: String, name: String)]) -> [UInt8] {
        let buckets = documents.reduce(0) { $0 + $1.bucket }
        let mean = documents.isEmpty ? 0 : (Double(buckets) / Double(documents.count) * 100).rounded() / 100
        var out = Array("{\"version\":1,\"documents\":\(documents.count),\"meanBucket\":\(mean),\"headLimit\":\(settings.headLimit),\"stopWords\":[".utf8)
        for (position, word) in StopWords.folded.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            JSONString.append(word, style: .plain, to: &out)
        }
        out.append(contentsOf: "],\"groups\":{".utf8)
        for (position, group) in groups.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            JSONString.append(group.letter, style: .plain, to: &out)
            out.append(UInt8(ascii: ":"))
            JSONString.append(group.name, style: .plain, to: &out)
        }
        out.append(contentsOf: "}}".utf8)
        return out
    }

    private func appendPostings(_ list: ArraySlice<Posting>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        frames.withUnsafeBufferPointer { frames in
            frameBounds.withUnsafeBufferPointer { bounds in
                for (position, posting) in list.enumerated() {
                    if position > 0 { out.append(UInt8(ascii: ",")) }
                    let document = 2 * Int(posting.document)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: frames[bounds[document]..<bounds[document + 1]]))
                    append(Int(posting.title), to: &out)
                    out.append(UInt8(ascii: ","))
                    append(Int(posting.teaser), to: &out)
                    out.append(UInt8(ascii: ","))
                    append(Int(posting.body), to: &out)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: frames[bounds[document + 1]..<bounds[document + 2]]))
                }
            }
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Makes `document`'s ``Document/head`` and ``Document/tail``.
    static func framePostings(of document: inout Document) {
        var head: [UInt8] = [UInt8(ascii: "[")]
        JSONString.append(document.id, style: .plain, to: &head)
        head.append(UInt8(ascii: ","))
        var tail = Array(",\(document.bucket)".utf8)
        if document.weight != 1 {
            tail += ",\((document.weight * 100).rounded() / 100)".utf8
        }
        tail.append(UInt8(ascii: "]"))
        document.head = head
        document.tail = tail
    }

    /// A count in decimal (counts are at most five digits: ``Posting`` saturates them).
    private func append(_ value: Int, to out: inout [UInt8]) {
        var divisor = 1
        while divisor * 10 <= value { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
