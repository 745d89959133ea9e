import Testing
@testable import Search

@Suite struct ShardPlanTests {
    /// Terms of a German-like vocabulary with posting sizes: many share their first letters.
    static let sizes: [String: Int] = {
        var sizes: [String: Int] = [:]
        let stems = ["haus", "hase", "halt", "hand", "burg", "burgergeld", "bahn", "berg", "zeit", "zeitung", "a", "ab", "abend"]
        for (index, stem) in stems.enumerated() {
            sizes[stem] = 100 + index * 10
            for suffix in ["", "bau", "rat", "tur", "markt"] where !suffix.isEmpty { sizes[stem + suffix] = 40 }
        }
        return sizes
    }()

    @Test func everyTermHasOneShardWithinTheLimit() {
        let plan = ShardPlan(sizes: Self.sizes, limit: 300)
        var shardSizes: [String: Int] = [:]
        for (term, size) in Self.sizes {
            let shard = plan.shard(of: term)
            #expect(shard.map { term.hasPrefix($0) } == true, "\(term) → \(shard ?? "none")")
            if let shard { shardSizes[shard, default: 0] += size }
        }
        for (shard, size) in shardSizes where size > 300 {
            // Only a shard that cannot be split further (its terms all equal its prefix) may exceed it.
            let members = Self.sizes.keys.filter { plan.shard(of: $0) == shard }
            #expect(members == [shard], "\(shard): \(size) bytes in \(members)")
        }
        #expect(Set(shardSizes.keys) == Set(plan.prefixes), "no empty shards")
    }

    @Test func smallIndexesHaveOneShardPerFirstLetter() {
        let plan = ShardPlan(sizes: Self.sizes, limit: 1 << 20)
        #expect(plan.prefixes == ["a", "b", "h", "z"])
    }

    @Test func prefixQueriesReadEveryShardThatMayMatch() {
        let plan = ShardPlan(sizes: Self.sizes, limit: 300)
        for start in ["bu", "burg", "ha", "z", "abe", "q"] {
            let shards = Set(plan.shards(startingWith: start))
            let needed = Set(Self.sizes.keys.filter { $0.hasPrefix(start) }.compactMap { plan.shard(of: $0) })
            #expect(needed.isSubset(of: shards), "\(start): \(shards) misses \(needed.subtracting(shards))")
        }
        #expect(plan.shards(startingWith: "q").isEmpty)
    }

    @Test func aSmallChangeKeepsThePlan() {
        let plan = ShardPlan(sizes: Self.sizes, limit: 300)
        var edited = Self.sizes
        edited["hausbau", default: 0] += 2
        edited["zeitungsrat"] = 12
        let after = ShardPlan(sizes: edited, limit: 300)
        for term in Self.sizes.keys {
            #expect(after.shard(of: term) == plan.shard(of: term), "\(term) moved")
        }
        #expect(ShardPlan(sizes: Dictionary(uniqueKeysWithValues: Self.sizes.reversed()), limit: 300) == plan, "order of input")
    }
}
