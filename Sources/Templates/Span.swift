import Diagnostics

/// A position inside one template: 1-based line and column (columns count Unicode scalars).
///
/// Every token and every AST node carries one, so the lexer, parser and renderer can
/// all report `templates/x.html:LINE:COL` for what they find.
struct Span: Sendable, Hashable, CustomStringConvertible {
    let line: Int
    let column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    var description: String { "\(line):\(column)" }
}

/// A syntax or static error found while lexing or parsing one template.
struct SyntaxError: Error, Sendable {
    var message: String
    var span: Span
    var hint: String?
    var notes: [String] = []

    init(_ message: String, at span: Span, hint: String? = nil, notes: [String] = []) {
        self.message = message
        self.span = span
        self.hint = hint
        self.notes = notes
    }
}

/// All syntax errors of one template.
struct SyntaxErrors: Error, Sendable {
    var errors: [SyntaxError]
}

/// `did you mean 'x'?` for the candidate closest to `word`, if any is close.
func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String? {
    guard let match = Suggestion.closest(to: word, in: candidates), match != word else { return nil }
    return "did you mean '\(match)'?"
}
