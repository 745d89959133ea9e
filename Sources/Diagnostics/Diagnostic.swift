/// One finding about the site's sources: where, how bad, what is wrong and what to do.
///
/// Diagnostics are values: every stage collects them and the build reports all of
/// them together instead of stopping at the first.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning
        case error

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    /// Where the problem is; `nil` only for problems with no file (e.g. a missing folder).
    public var location: SourceLocation?
    public var message: String
    /// What the editor can do about it ("did you mean 'teaser'?").
    public var hint: String?
    /// The offending source line, shown under the message with a caret at the column.
    public var sourceLine: String?
    /// Further context, e.g. the chain of template includes that led here.
    public var notes: [String]

    public init(
        _ severity: Severity = .error,
        at location: SourceLocation?,
        _ message: String,
        hint: String? = nil,
        sourceLine: String? = nil,
        notes: [String] = []
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.sourceLine = sourceLine
        self.notes = notes
    }

    public static func error(at location: SourceLocation?, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, hint: hint)
    }

    public static func warning(at location: SourceLocation?, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, hint: hint)
    }

    /// The one-line form: `file:line:col: error: message (hint)`.
    public var description: String {
        var line = ""
        if let location { line += "\(location): " }
        line += "\(severity.rawValue): \(message)"
        if let hint { line += " (\(hint))" }
        return line
    }

    /// The full form: the one-line form, the source line with a caret, and notes.
    public var rendered: String {
        var out = description
        if let sourceLine, let location {
            out += "\n    " + sourceLine
            out += "\n    " + String(repeating: " ", count: max(0, location.column - 1)) + "^"
        }
        for note in notes { out += "\n    note: " + note }
        return out
    }
}

extension Diagnostic {
    /// Attaches the source line of `location` taken from `source`, the whole file text.
    public func withSourceLine(from source: String) -> Diagnostic {
        guard let location else { return self }
        var copy = self
        copy.sourceLine = Diagnostic.line(location.line, of: source)
        return copy
    }

    /// Line `number` (1-based) of `text` under ``SourceText``'s line rule, without its line ending.
    public static func line(_ number: Int, of text: String) -> String? {
        SourceText(text).line(number)
    }
}
