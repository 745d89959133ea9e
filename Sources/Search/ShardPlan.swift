/// Which terms go into which index shard: a shard is named by a term prefix (counted in
/// Unicode scalars, as the page script's `Array.from` counts) and holds the
/// terms whose longest shard prefix it is. Prefixes start one letter long; a shard whose
/// postings exceed the size limit is split by one more letter (terms equal to its prefix
/// stay in it), so a one-word query loads one small shard even at archive scale, and
/// shards stay where they are when an article is edited (a split moves only when a
/// prefix's size crosses the limit).
public struct ShardPlan: Sendable, Hashable {
    /// Shard prefixes, sorted.
    public let prefixes: [String]

    /// The plan whose shards are `prefixes`, as an index names them.
    public init(prefixesForTesting prefixes: [String]) {
        self.prefixes = prefixes.sorted()
    }

    /// Plans the shards for terms with the byte size of their postings.
    public init(sizes: [String: Int], limit: Int) {
        var found: [String] = []
        Self.split(sizes.map { ($0.key, $0.value) }, prefixLength: 1, limit: limit, into: &found)
        prefixes = found.sorted()
    }

    private static func split(_ terms: [(String, Int)], prefixLength: Int, limit: Int, into found: inout [String]) {
        let groups = Dictionary(grouping: terms) { String(String.UnicodeScalarView($0.0.unicodeScalars.prefix(prefixLength))) }
        for (prefix, members) in groups {
            let size = members.reduce(0) { $0 + $1.1 }
            let longer = members.filter { $0.0.unicodeScalars.count > prefixLength }
            if size > limit, !longer.isEmpty, prefixLength < 12 {
                if longer.count < members.count { found.append(prefix) }
                split(longer, prefixLength: prefixLength + 1, limit: limit, into: &found)
            } else {
                found.append(prefix)
            }
        }
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
            if prefixes[middle] < prefix { low = middle + 1 } else { high = middle }
        }
        return low < prefixes.count && prefixes[low] == prefix
    }
}
