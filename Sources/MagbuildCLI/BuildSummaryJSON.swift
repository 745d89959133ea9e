import Diagnostics
import Foundation
import Site

/// What `magbuild build --format json` prints on stdout: one JSON object, keys sorted, for
/// CI scripts. A failed build prints its errors (and warnings) the same way and exits 1.
struct BuildSummaryJSON: Encodable {
    struct Message: Encodable {
        let severity: String
        let file: String?
        let line: Int?
        let column: Int?
        let message: String
        let hint: String?

        init(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity.rawValue
            file = diagnostic.location?.file
            line = diagnostic.location?.line
            column = diagnostic.location?.column
            message = diagnostic.message
            hint = diagnostic.hint
        }
    }

    struct Step: Encodable {
        let name: String
        let seconds: Double
    }

    struct Changes: Encodable {
        let added: [String]
        let changed: [String]
        let removed: [String]
    }

    var ok = true
    var pages: Int?
    var comments: Int?
    var files: Int?
    var filesChanged: Int?
    var articlesRendered: Int?
    var picturesMade: Int?
    var avif: Bool?
    var seconds: Double?
    var steps: [Step]?
    var changes: Changes?
    var errors: [Message] = []
    var warnings: [Message] = []

    init(_ summary: BuildSummary, listingChanges: Bool) {
        pages = summary.pages
        comments = summary.comments
        files = summary.files
        filesChanged = summary.written
        articlesRendered = summary.articlesRendered
        picturesMade = summary.picturesMade
        avif = summary.avif
        seconds = summary.seconds
        steps = summary.steps.map { Step(name: $0.name, seconds: $0.seconds) }
        if listingChanges {
            changes = Changes(added: summary.changes.added, changed: summary.changes.changed, removed: summary.changes.removed)
        }
        warnings = DiagnosticList.sorted(summary.warnings).map(Message.init)
    }

    init(failure error: any Error) {
        ok = false
        if let list = error as? DiagnosticList {
            let sorted = DiagnosticList.sorted(list.diagnostics)
            errors = sorted.filter { $0.severity == .error }.map(Message.init)
            warnings = sorted.filter { $0.severity != .error }.map(Message.init)
        } else {
            errors = [Message(.error(at: nil, "\(error)"))]
        }
    }

    /// The report as one line of JSON.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? #"{"ok":false}"#
    }
}
