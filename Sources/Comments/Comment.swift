import Foundation

/// One reader comment in the native export format (README, "Reader comments").
public struct Comment: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case approved, pending, spam, trash
    }

    public var id: String
    /// The id of the comment this one replies to.
    public var parent: String?
    public var author: String
    public var date: Date
    /// Untrusted reader text, never HTML.
    public var text: String
    /// Net votes.
    public var rating: Int
    public var status: Status

    public init(id: String, parent: String? = nil, author: String, date: Date, text: String, rating: Int = 0, status: Status = .approved) {
        self.id = id
        self.parent = parent
        self.author = author
        self.date = date
        self.text = text
        self.rating = rating
        self.status = status
    }
}

/// The order of top-level threads; replies stay chronological inside their thread.
public enum CommentOrder: String, Sendable, Hashable, CaseIterable {
    case oldest, newest
    /// By rating, then by date.
    case best
}
