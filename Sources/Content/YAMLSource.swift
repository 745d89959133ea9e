import Diagnostics
import Foundation
import Yams

/// A piece of YAML inside a file (all of `site.yml`, or an article's front matter),
/// and the mapping from Yams' positions to positions in the file.
struct YAMLSource {
    /// The file, relative to the site folder.
    var file: String
    /// The YAML text.
    var text: String
    /// Lines of the file before the YAML: YAML line 1 is file line `lineOffset + 1`.
    var lineOffset: Int

    /// The file position of a Yams mark (1-based line and column within `text`).
    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: lineOffset + 1) }
        return location(line: mark.line, column: mark.column)
    }

    /// The file position of a 1-based line and column within `text`.
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: lineOffset + line, column: column)
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
            let position = offset.flatMap { Self.position(ofCharacterOffset: $0, in: yaml) }
            return .error(at: position.map { location(line: $0.line, column: $0.column) } ?? location(nil),
                          "invalid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(at: location(context.mark), "duplicate key \(keys)", hint: "each key may appear only once")
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

    /// The 1-based line and column of a character offset.
    static func position(ofCharacterOffset offset: Int, in text: String) -> (line: Int, column: Int)? {
        var line = 1, column = 1, count = 0
        for character in text {
            if count == offset { return (line, column) }
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            count += 1
        }
        return count == offset ? (line, column) : nil
    }
}
