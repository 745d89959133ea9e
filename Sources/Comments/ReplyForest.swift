/// Who answers whom among the published comments, as a forest without cycles, and where
/// each published comment is shown once the depth cap is applied.
///
/// Every step is a loop over arrays, never recursion, so a reply chain of any length is safe.
/// Indices refer to positions in the exported comment list.
struct ReplyForest {
    /// Published (approved) comments in breadth-first order: parents before their replies.
    private(set) var published: [Int] = []
    /// The comment under which each published comment is shown; nil for top-level threads.
    private(set) var displayParent: [Int?]
    /// The depth at which each published comment is shown, 0...maxDepth.
    private(set) var displayDepth: [Int]
    /// The author each published comment answers, when its parent exists (published or not).
    private(set) var replyTo: [String?]

    init(comments: [Comment], maxDepth: Int) {
        let count = comments.count
        displayParent = Array(repeating: nil, count: count)
        displayDepth = Array(repeating: 0, count: count)
        replyTo = Array(repeating: nil, count: count)
        var treeParent = linkParents(comments)
        Self.breakCycles(in: &treeParent, of: comments)
        placeByDepth(treeParent: treeParent, of: comments, maxDepth: maxDepth)
    }

    /// The published parent of each published comment, and the `replyTo` labels.
    /// A reply to an unpublished comment keeps its label but has no published parent;
    /// a comment naming itself as parent counts as no reply at all.
    private mutating func linkParents(_ comments: [Comment]) -> [Int?] {
        var indexOfID: [String: Int] = [:]
        for (index, comment) in comments.enumerated() {
            if let known = indexOfID[comment.id], comments[known].status == .approved || comment.status != .approved {
                continue
            }
            indexOfID[comment.id] = index
        }
        var treeParent = [Int?](repeating: nil, count: comments.count)
        for (index, comment) in comments.enumerated() where comment.status == .approved {
            guard let parentID = comment.parent, let parent = indexOfID[parentID], parent != index else { continue }
            replyTo[index] = comments[parent].author
            if comments[parent].status == .approved { treeParent[index] = parent }
        }
        return treeParent
    }

    /// Cuts every reply cycle (a → b → a) at its oldest comment, which becomes a top-level
    /// thread: that comment cannot really have answered a later one. Linear: each comment
    /// is walked over once.
    private static func breakCycles(in treeParent: inout [Int?], of comments: [Comment]) {
        enum Mark { case unvisited, onPath, done }
        var marks = [Mark](repeating: .unvisited, count: comments.count)
        var path: [Int] = []
        for start in comments.indices where comments[start].status == .approved && marks[start] == .unvisited {
            path.removeAll(keepingCapacity: true)
            var current: Int? = start
            while let node = current, marks[node] == .unvisited {
                marks[node] = .onPath
                path.append(node)
                current = treeParent[node]
            }
            if let node = current, marks[node] == .onPath, let cycleStart = path.firstIndex(of: node) {
                var oldest = node
                for member in path[cycleStart...] where isOlder(comments, member, than: oldest) {
                    oldest = member
                }
                treeParent[oldest] = nil
            }
            for node in path { marks[node] = .done }
        }
    }

    private static func isOlder(_ comments: [Comment], _ a: Int, than b: Int) -> Bool {
        if CommentOrdering.chronological(comments[a], comments[b]) { return true }
        if CommentOrdering.chronological(comments[b], comments[a]) { return false }
        return a < b
    }

    /// Walks the forest breadth-first from its roots. A reply deeper than `maxDepth` is
    /// shown among the replies of its ancestor at depth `maxDepth - 1`, i.e. beside its
    /// parent rather than under it.
    private mutating func placeByDepth(treeParent: [Int?], of comments: [Comment], maxDepth: Int) {
        var children = [[Int]](repeating: [], count: comments.count)
        for index in comments.indices where comments[index].status == .approved {
            if let parent = treeParent[index] {
                children[parent].append(index)
            } else {
                published.append(index)
            }
        }
        var depth = [Int](repeating: 0, count: comments.count)
        var next = 0
        while next < published.count {
            let node = published[next]
            next += 1
            for child in children[node] {
                depth[child] = depth[node] + 1
                displayParent[child] = depth[child] <= maxDepth ? node : displayParent[node]
                displayDepth[child] = min(depth[child], maxDepth)
                published.append(child)
            }
        }
    }
}
