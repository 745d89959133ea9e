/// The total orders in which comments are shown. Every order ends in a tie-break by id
/// (numerically when both ids are digits, so "9" comes before "10") and then by position
/// in the export, so the output never depends on sort stability.
public enum CommentOrdering {
    /// Oldest first: date, then id. Replies are always in this order.
    public static func chronological(_ a: Comment, _ b: Comment) -> Bool {
        if a.date != b.date { return a.date < b.date }
        return compareIDs(a.id, b.id) < 0
    }

    /// Whether `a` comes before `b` among top-level threads in `order`; false for equal keys.
    static func precedes(_ a: Comment, _ b: Comment, in order: CommentOrder) -> Bool {
        switch order {
        case .oldest:
            return chronological(a, b)
        case .newest:
            return chronological(b, a)
        case .best:
            if a.rating != b.rating { return a.rating > b.rating }
            return chronological(a, b)
        }
    }

    /// Sorts indices into `comments` by `precedes`, then by index.
    static func sort(_ indices: inout [Int], of comments: [Comment], by precedes: (Comment, Comment) -> Bool) {
        indices.sort { i, j in
            if precedes(comments[i], comments[j]) { return true }
            if precedes(comments[j], comments[i]) { return false }
            return i < j
        }
    }

    /// -1, 0 or 1. Ids made only of ASCII digits compare as numbers, others by their scalars.
    static func compareIDs(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        if isDigits(a), isDigits(b) {
            let x = a.drop { $0 == "0" }, y = b.drop { $0 == "0" }
            if x.utf8.count != y.utf8.count { return x.utf8.count < y.utf8.count ? -1 : 1 }
            if x != y { return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1 }
        }
        return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) ? -1 : 1
    }

    private static func isDigits(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}
