import Diagnostics
import Foundation
import Yams

/// A piece of YAML inside a file (all of `site.yml`, or an article's front matter),
/// and the mapping from Yams' positions to positions in the file.
///
/// The text has `\n` line endings only (see ``FrontMatterBlock/normalized(_:)``), but libyaml
/// also ends lines at U+0085, U+2028 and U+2029; its positions are moved to magbuild's
/// one line rule (``SourceText``), under which those are ordinary characters.
struct YAMLSource {
    /// The file, relative to the site folder.
    var file: String
    /// The YAML text.
    var text: String
    /// Lines of the file before the YAML: YAML line 1 is file line `lineOffset + 1`.
    var lineOffset: Int
    /// Whether a line of the file follows the YAML (a front matter's closing `---`).
    var followedByLine: Bool

    /// The file position of a Yams mark (1-based line and column within `text`).
    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: lineOffset + 1) }
        return location(line: mark.line, column: mark.column)
    }

    /// The file position of a 1-based line and column within `text`, as libyaml counts them.
    ///
    /// libyaml puts the end of the stream on a line of its own when the text does not end with
    /// a line break: that is the closing `---` of a front matter (`followedByLine`), and the end
    /// of the last line in a file of YAML alone.
    func location(line: Int, column: Int) -> SourceLocation {
        let endsWithoutBreak = text.utf8.last.map { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") } ?? true
        let mayBePastTheEnd = endsWithoutBreak && column == 1 && !followedByLine
        guard Self.hasUnicodeLineBreaks(text) || mayBePastTheEnd else {
            return SourceLocation(file: file, line: lineOffset + line, column: column)
        }
        let lines = SourceText(text)
        guard let offset = Self.byteOffset(ofYAMLLine: line, column: column, in: text) else {
            if followedByLine { return SourceLocation(file: file, line: lineOffset + lines.lineCount + 1, column: 1) }
            let end = lines.position(ofByte: text.utf8.count)
            return SourceLocation(file: file, line: lineOffset + end.line, column: end.column)
        }
        let position = lines.position(ofByte: offset)
        return SourceLocation(file: file, line: lineOffset + position.line, column: position.column)
    }

    /// Whether `text` holds a line break that libyaml counts and magbuild does not
    /// (U+0085 is C2 85 in UTF-8, U+2028 and U+2029 are E2 80 A8 and E2 80 A9).
    static func hasUnicodeLineBreaks(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if (previous.1 == 0xC2 && byte == 0x85) || (previous == (0xE2, 0x80) && (byte == 0xA8 || byte == 0xA9)) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// The line endings of libyaml: `\r\n` is one.
    private static let yamlLineBreaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"]

    /// The UTF-8 offset in `text` of libyaml's 1-based `line` and `column` (in scalars), with
    /// lines ending at `\n`, `\r\n`, `\r`, U+0085, U+2028 and U+2029; nil past the end.
    static func byteOffset(ofYAMLLine line: Int, column: Int, in text: String) -> Int? {
        var currentLine = 1, currentColumn = 1, offset = 0
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            let endsLine = yamlLineBreaks.contains(scalar) && !(scalar == "\n" && previous == "\r")
            // A column past the end of its line is the line's end.
            if currentLine == line && (currentColumn == column || endsLine) { return offset }
            offset += scalar.utf8.count
            if endsLine {
                currentLine += 1
                currentColumn = 1
            } else if scalar != "\n" {
                currentColumn += 1
            }
            previous = scalar
        }
        return currentLine == line ? offset : nil
    }

    /// The file position of a node.
    func location(of node: Node) -> SourceLocation { location(node.mark) }

    /// The root node of the YAML (nil for an empty document), or the syntax error as a diagnostic.
    ///
    /// Composed with Yams' basic resolver: ``YAMLReader`` reads every scalar from its text,
    /// so resolving plain scalars to bool, int, float or timestamp (a regular expression
    /// match per scalar) would be wasted work. The encoding is given, not Yams' default,
    /// which reads the process environment on every call.
    func compose() -> Result<Node?, Diagnostic> {
        do {
            return .success(try Yams.compose(yaml: text, .basic, .default, .utf8))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error))
        } catch {
            return .failure(.error(at: location(nil), "invalid YAML: \(error)"))
        }
    }

    /// Yams' error as a diagnostic at the file position of the problem.
    func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _),
            let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            var notes: [String] = []
            if let context {
                notes.append("\(context.text) at \(location(context.mark))")
            }
            return Diagnostic(
                .error, at: location(mark), "invalid YAML: \(problem)",
                hint: Self.hint(forProblem: problem), notes: notes)
        case let .reader(problem, offset, _, yaml):
            let index = offset.flatMap { yaml.index(yaml.startIndex, offsetBy: $0, limitedBy: yaml.endIndex) }
            let position = index.map { SourceText(yaml).position(ofByte: yaml.utf8.distance(from: yaml.startIndex, to: $0)) }
            return .error(at: position.map { SourceLocation(file: file, line: lineOffset + $0.line, column: $0.column) } ?? location(nil),
                          "invalid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams orders the keys, and picks the one whose mark it reports, by comparing nodes;
            // a key that is not text (`? [a]: …`, "<uncovertable>") has no consistent order with
            // text keys, so the message sorts by name and such a key is located at the YAML's start.
            let complexName = "<uncovertable>"
            let names = Set(duplicates.filter { $0 != complexName }).sorted().map { "'\($0)'" }
                + (duplicates.contains(complexName) ? ["a key that is not text"] : [])
            let at = duplicates.contains(complexName) ? location(nil) : location(context.mark)
            return .error(at: at, "duplicate key \(names.joined(separator: ", "))", hint: "each key may appear only once")
        default:
            return .error(at: location(nil), "invalid YAML: \(error)")
        }
    }

    /// Advice for the YAML mistakes editors make most.
    static func hint(forProblem problem: String) -> String? {
        if problem.contains("mapping values are not allowed") {
            return "put the value in quotes if it contains ': '"
        }
        if problem.contains("cannot start any token") {
            return "put the value in quotes; YAML indentation must use spaces, not tabs"
        }
        if problem.contains("did not find expected key") || problem.contains("expected <block end>") {
            return "check the indentation, and quote values that start with a quote mark"
        }
        return nil
    }
}
