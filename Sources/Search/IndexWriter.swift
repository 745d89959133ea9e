import Basics

/// Writes the search index of a set of documents as static files, in the manner of
/// Pagefind: a query downloads a small directory and only the shards and fragments it needs.
///
/// - `search/index.json`: the document count, the mean body length bucket, and each shard's
///   prefix with the content hash in its file name. Not content-addressed (the one file a
///   client revalidates); everything it names is.
/// - `search/shard/<prefix>.<hash>.json`: the terms of one shard (``ShardPlan``), each with
///   its postings `[document, title count, teaser count, body count, length bucket, fragment]`,
///   highest counts first.
/// - `search/fragment/<document>.<hash>.json`: what a result shows of one document.
///
/// Document numbers are stable: derived from the URL, so an edit or a new article changes
/// only the postings of the documents concerned.
public enum IndexWriter {
    /// One file of the index, relative to the site's root.
    public struct File: Sendable, Hashable {
        public var path: String
        public var text: String
    }

    /// What a search result shows of a document.
    public struct Fragment: Sendable, Hashable {
        public var url, title, teaser, date: String
        public var section: String?
        public var authors: [String]

        public init(_ document: SearchDocument) {
            url = document.url
            title = document.title
            teaser = document.teaser
            date = document.date
            section = document.section
            authors = document.authors
        }

        var json: String {
            var fields = ["\"url\":\(JSON.string(url))", "\"title\":\(JSON.string(title))", "\"teaser\":\(JSON.string(teaser))",
                          "\"date\":\(JSON.string(date))"]
            if let section { fields.append("\"section\":\(JSON.string(section))") }
            fields.append("\"authors\":[" + authors.map(JSON.string).joined(separator: ",") + "]")
            return "{" + fields.joined(separator: ",") + "}"
        }
    }

    /// The index files for `documents`. `hash` names a file by its contents (a short hex digest).
    public static func files(for documents: [SearchDocument], shardLimit: Int = 48 << 10,
                             hash: (String) -> String) -> [File] {
        let numbers = DocumentNumbers(urls: documents.map(\.url))
        var files: [File] = []
        var postings: [String: [Posting]] = [:]
        var buckets = 0
        for (index, document) in documents.enumerated() {
            let fragment = Fragment(document).json
            let fragmentHash = hash(fragment)
            let number = numbers.number[index]
            files.append(File(path: "search/fragment/\(number).\(fragmentHash).json", text: fragment))
            let terms = DocumentTerms(document)
            buckets += terms.lengthBucket
            for (term, counts) in terms.counts {
                postings[term, default: []].append(Posting(
                    document: number, counts: counts, bucket: terms.lengthBucket, fragment: fragmentHash))
            }
        }
        let encoded = postings.mapValues { list in
            list.sorted { ($0.impact, $1.document) > ($1.impact, $0.document) }.map(\.json).joined(separator: ",")
        }
        let plan = ShardPlan(sizes: encoded.mapValues { $0.utf8.count }, limit: shardLimit)
        var shards: [String: [String]] = [:]
        for term in encoded.keys.sorted() {
            guard let shard = plan.shard(of: term), let list = encoded[term] else { continue }
            shards[shard, default: []].append("\(JSON.string(term)):[\(list)]")
        }
        var directory: [String] = []
        for prefix in plan.prefixes {
            let text = "{" + (shards[prefix] ?? []).joined(separator: ",") + "}"
            let name = hash(text)
            files.append(File(path: "search/shard/\(prefix).\(name).json", text: text))
            directory.append("\(JSON.string(prefix)):\(JSON.string(name))")
        }
        let mean = documents.isEmpty ? 0 : Double(buckets) / Double(documents.count)
        files.append(File(
            path: "search/index.json",
            text: "{\"version\":1,\"documents\":\(documents.count),\"meanBucket\":\((mean * 100).rounded() / 100),"
                + "\"shards\":{" + directory.joined(separator: ",") + "}}"))
        return files.sorted { $0.path < $1.path }
    }

    struct Posting {
        var document: String
        var counts: DocumentTerms.Counts
        var bucket: Int
        var fragment: String

        /// Orders postings so a client can stop early on frequent terms.
        var impact: Int { counts.title * 8 + counts.teaser * 3 + counts.body }

        var json: String {
            "[\(JSON.string(document)),\(counts.title),\(counts.teaser),\(counts.body),\(bucket),\(JSON.string(fragment))]"
        }
    }
}

/// Stable short names of documents: the URL's FNV-1a hash in base 36; a URL whose hash is
/// taken (rare) takes the next free number, in URL order, so the names do not depend on the
/// order documents come in.
struct DocumentNumbers {
    /// The name of each URL, in the order given.
    let number: [String]

    init(urls: [String]) {
        var taken: [UInt32: String] = [:]
        var byURL: [String: UInt32] = [:]
        for url in Set(urls).sorted() {
            var value = Self.fnv1a(url)
            while taken[value] != nil { value &+= 1 }
            taken[value] = url
            byURL[url] = value
        }
        number = urls.map { String(byURL[$0] ?? 0, radix: 36) }
    }

    static func fnv1a(_ text: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }
}

/// JSON string literals for the index files (files readers' browsers parse, not pages).
enum JSON {
    static func string(_ text: String) -> String { JSONString.literal(text, style: .plain) }
}
