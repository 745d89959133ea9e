import Diagnostics
import Foundation

/// Parses an article file's text into its validated front matter and Markdown body.
///
/// Works on strings only; ``ContentLoader`` does the file reading. Every problem of the
/// front matter is reported, not just the first, each at its `file:line:col` in the file.
public enum FrontMatterParser {
    /// The result of parsing one article file.
    public struct Output: Sendable {
        /// The front matter, or nil if it has errors.
        public var frontMatter: FrontMatter?
        /// The Markdown after the front matter (line endings normalised to `\n`).
        public var body: String
        /// The file line (1-based) on which `body` starts.
        public var bodyLine: Int
        /// Errors and warnings, in file order, with the offending source line attached.
        public var diagnostics: [Diagnostic]

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// The front matter keys (README, "Writing an article").
    public static let knownKeys = [
        "title", "teaser", "date", "updated", "authors", "author", "column", "tags", "image",
        "related", "comments", "featured", "draft", "slug", "aliases",
    ]

    /// Parses `text`, the whole article file. `file` (relative to the site folder) names the
    /// file in diagnostics; dates without an offset are read in `timeZone`.
    public static func parse(text: String, file: String, timeZone: TimeZone) -> Output {
        let text = FrontMatterBlock.normalized(text)
        let block: FrontMatterBlock
        switch FrontMatterBlock.split(text) {
        case let .success(value):
            block = value
        case .failure(.missing):
            let diagnostic = Diagnostic.error(
                at: SourceLocation(file: file), "missing front matter",
                hint: "start the file with a line '---', then title, teaser, date and authors, then '---'")
            return Output(frontMatter: nil, body: text, bodyLine: 1,
                          diagnostics: [diagnostic.withSourceLine(from: text)])
        case .failure(.unclosed):
            let diagnostic = Diagnostic.error(
                at: SourceLocation(file: file), "the front matter has no closing '---' line")
            return Output(frontMatter: nil, body: "", bodyLine: 1,
                          diagnostics: [diagnostic.withSourceLine(from: text)])
        }

        let source = YAMLSource(file: file, text: block.yaml, lineOffset: block.openingLine, followedByLine: true)
        var frontMatter: FrontMatter?
        var diagnostics: [Diagnostic]
        switch source.compose() {
        case let .success(root):
            var reader = FrontMatterReader(
                yaml: YAMLReader(source: source), timeZone: timeZone,
                opening: SourceLocation(file: file, line: block.openingLine))
            frontMatter = reader.read(root)
            diagnostics = reader.yaml.diagnostics
            if reader.yaml.hasErrors { frontMatter = nil }
        case let .failure(diagnostic):
            diagnostics = [diagnostic]
        }
        diagnostics = DiagnosticList.sorted(diagnostics).map { $0.withSourceLine(from: text) }
        return Output(frontMatter: frontMatter, body: block.body, bodyLine: block.bodyLine, diagnostics: diagnostics)
    }
}
