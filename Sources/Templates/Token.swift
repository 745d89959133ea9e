/// One lexical unit of a template: literal text, a tag delimiter, or a piece of an expression.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        /// Text between tags, already trimmed by whitespace control.
        case text(String)
        /// `{{`
        case printOpen
        /// `}}`
        case printClose
        /// `{%`
        case tagOpen
        /// `%}`
        case tagClose
        case name(String)
        case string(String)
        case integer(Int)
        case number(Double)
        /// Operators and punctuation: `( ) [ ] { } , . : | ~ + - * / % = == != < <= > >=`.
        case symbol(String)
        /// Something the lexer could not read; it has reported it already.
        case invalid
        case end
    }

    var kind: Kind
    var span: Span

    /// How the token reads in an error message.
    var display: String {
        switch kind {
        case .text: return "text"
        case .printOpen: return "'{{'"
        case .printClose: return "'}}'"
        case .tagOpen: return "'{%'"
        case .tagClose: return "'%}'"
        case .name(let name): return "'\(name)'"
        case .string(let text): return "string \"\(text)\""
        case .integer(let value): return "number \(value)"
        case .number(let value): return "number \(value)"
        case .symbol(let symbol): return "'\(symbol)'"
        case .invalid: return "invalid input"
        case .end: return "end of template"
        }
    }
}
