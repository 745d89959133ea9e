/// Which terms go into which index shard: a shard is named by a term prefix (counted in
/// Unicode scalars, as the page script's `Array.from` counts) and holds the
/// terms whose longest shard prefix it is. Prefixes start one letter long; a shard whose
/// postings exceed the size limit is split by one more letter (terms equal to its prefix
/// stay in it), so a one-word query loads one small shard even at archive scale, and
/// shards stay where they are when an article is edited (a split moves only when a
/// prefix's size crosses the limit).
public struct ShardPlan: Sendable, Hashable {
    /// Shard prefixes, in the order of their bytes.
    public let prefixes: [String]
    /// For each shard, the indices of its terms in the list the plan was made for.
    let members: [[Int]]

    /// The plan whose shards are `prefixes`, as an index names them.
    public init(prefixesForTesting prefixes: [String]) {
        self.prefixes = prefixes.sorted(by: Self.precedes)
        members = []
    }

    /// Plans the shards for terms with the byte size of their postings.
    public init(sizes: [String: Int], limit: Int) {
        let terms = sizes.keys.sorted(by: Self.precedes)
        self.init(sortedTerms: terms, sizes: terms.map { sizes[$0] ?? 0 }, limit: limit)
    }

    /// Plans the shards for `terms`, distinct and in the order of their bytes, where term `n`'s
    /// postings take `sizes[n]` bytes. A prefix's terms are a run of such a list, so the
    /// plan is made in one pass over each level.
    init(sortedTerms terms: [String], sizes: [Int], limit: Int) {
        var prefixes: [String] = []
        var members: [[Int]] = []
        func split(_ range: Range<Int>, prefixLength: Int) {
            var start = range.lowerBound
            while start < range.upperBound {
                let prefix = Self.prefix(of: terms[start], scalars: prefixLength)
                var end = start + 1
                while end < range.upperBound, terms[end].utf8.starts(with: prefix.utf8) { end += 1 }
                // The term equal to the prefix, if any, sorts first of its run.
                let exact = terms[start].utf8.count == prefix.utf8.count ? 1 : 0
                let size = sizes[start..<end].reduce(0, +)
                if size > limit, end - start > exact, prefixLength < 12 {
                    if exact == 1 {
                        prefixes.append(prefix)
                        members.append([start])
                    }
                    split(start + exact..<end, prefixLength: prefixLength + 1)
                } else {
                    prefixes.append(prefix)
                    members.append(Array(start..<end))
                }
                start = end
            }
        }
        split(0..<terms.count, prefixLength: 1)
        self.prefixes = prefixes
        self.members = members
    }

    /// The first `scalars` Unicode scalars of `term` (all of it when it is shorter).
    private static func prefix(of term: String, scalars: Int) -> String {
        String(String.UnicodeScalarView(term.unicodeScalars.prefix(scalars)))
    }

    /// Byte order, the order of the index's terms.
    static func precedes(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    /// The shard that holds `term`: its longest prefix among the shards, nil when no shard
    /// does (the index has no term starting so).
    public func shard(of term: String) -> String? {
        var candidate = term.unicodeScalars
        while !candidate.isEmpty {
            let prefix = String(candidate)
            if contains(prefix) { return prefix }
            candidate.removeLast()
        }
        return nil
    }

    /// The shards a prefix query for `start` reads: the one that holds `start` itself and
    /// every shard whose prefix begins with it.
    public func shards(startingWith start: String) -> [String] {
        var result = shard(of: start).map { [$0] } ?? []
        result += prefixes.filter { $0.hasPrefix(start) && $0 != start && !result.contains($0) }
        return result
    }

    private func contains(_ prefix: String) -> Bool {
        var low = 0, high = prefixes.count
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(prefixes[middle], prefix) { low = middle + 1 } else { high = middle }
        }
        return low < prefixes.count && prefixes[low] == prefix
    }
}
