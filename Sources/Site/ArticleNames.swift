import Content
import Diagnostics

/// The names a `related:` entry or a teaser box may use for an article (see ``ContentPaths``),
/// worked out once per build for every check that resolves them.
struct ArticleNames: Sendable {
    /// Names of the articles this build publishes.
    let published: Set<String>
    /// Names of every article, drafts and future ones included.
    let existing: Set<String>
    private let all: [ArticleSource]

    init(published: [ArticleSource], all: [ArticleSource]) {
        self.published = Set(ContentPaths.index(published).keys)
        self.existing = Set(ContentPaths.index(all).keys)
        self.all = all
    }

    /// A `related:` entry or teaser box naming no published article: an error with the nearest
    /// content path, or a warning when it names a draft or future article (normal while it is
    /// being written; the box is left out until it is published).
    func missing(_ target: String, what: String, at location: SourceLocation, sourceLine: String? = nil) -> Diagnostic {
        let exists = existing.contains(target)
        let why = exists ? "is not published (draft or future)" : "does not exist"
        let hint = ContentPaths.suggestion(for: target, in: all.map(\.sourcePath)).map { "did you mean '\($0)'?" }
            ?? "use the article's content path: its file under content/ without .md, e.g. politik/some-article"
        return Diagnostic(exists ? .warning : .error, at: location, "\(what) '\(target)' \(why)", hint: hint, sourceLine: sourceLine)
    }
}
