import Diagnostics
import Foundation
import Yams

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
        "related", "comments", "featured", "draft", "slug", "aliases", "kicker", "wordpress_id",
    ]

    /// Parses `text`, the whole article file. `file` (relative to the site folder) names the
    /// file in diagnostics; dates without an offset are read in `timeZone`. A lead image
    /// without `credit` takes the one `pictureCredit` finds in the picture's metadata.
    public static func parse(text: String, file: String, timeZone: TimeZone, pictureCredit: ((String) -> String?)? = nil) -> Output {
        let parsed = parseBlock(
            text: text, file: file, expected: "title, teaser, date and authors", pictureCredit: pictureCredit
        ) { yaml, root, opening -> FrontMatter? in
            var reader = FrontMatterReader(yaml: yaml, timeZone: timeZone, opening: opening)
            let frontMatter = reader.read(root)
            yaml = reader.yaml
            return frontMatter
        }
        return Output(frontMatter: parsed.value, body: parsed.body, bodyLine: parsed.bodyLine, diagnostics: parsed.diagnostics)
    }

    /// Splits a Markdown file with front matter and reads the front matter with `read`, which
    /// gets the YAML (nil when empty) and the opening `---` line (where a missing key is
    /// reported). The value is nil when the front matter has an error; `expected` names the
    /// keys a file must start with, for the hint when the front matter is missing.
    static func parseBlock<Value>(
        text: String, file: String, expected: String, pictureCredit: ((String) -> String?)? = nil,
        read: (inout YAMLReader, Node?, SourceLocation) -> Value?
    ) -> (value: Value?, body: String, bodyLine: Int, diagnostics: [Diagnostic]) {
        let text = FrontMatterBlock.normalized(text)
        let block: FrontMatterBlock
        switch FrontMatterBlock.split(text) {
        case let .success(value):
            block = value
        case .failure(.missing):
            let diagnostic = Diagnostic.error(
                at: SourceLocation(file: file), "missing front matter",
                hint: "start the file with a line '---', then \(expected), then '---'")
            return (nil, text, 1, [diagnostic.withSourceLine(from: text)])
        case .failure(.unclosed):
            let diagnostic = Diagnostic.error(
                at: SourceLocation(file: file), "the front matter has no closing '---' line")
            return (nil, "", 1, [diagnostic.withSourceLine(from: text)])
        }

        let source = YAMLSource(file: file, text: block.yaml, lineOffset: block.openingLine, followedByLine: true)
        var value: Value?
        var diagnostics: [Diagnostic]
        switch source.compose() {
        case let .success(root):
            var yaml = YAMLReader(source: source)
            yaml.pictureCredit = pictureCredit
            value = read(&yaml, root, SourceLocation(file: file, line: block.openingLine))
            diagnostics = yaml.diagnostics
            if yaml.hasErrors { value = nil }
        case let .failure(diagnostic):
            diagnostics = [diagnostic]
        }
        diagnostics = DiagnosticList.sorted(diagnostics).map { $0.withSourceLine(from: text) }
        return (value, block.body, block.bodyLine, diagnostics)
    }
}
