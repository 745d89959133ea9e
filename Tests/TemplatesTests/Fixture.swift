import Diagnostics
import Foundation
@testable import Templates

/// One case of the fixture suite: a file in `Tests/TemplateFixtures/` (see its `README.md`) holding
/// optional settings, a JSON context, `---`, the template and optional further templates.
struct Fixture: Sendable, CustomStringConvertible {
    struct FormatError: Error, CustomStringConvertible {
        let description: String
    }

    /// The file name without `.txt`; the main template is called `<name>.html`.
    let name: String
    var language = "de"
    var context: [String: Value] = [:]
    /// Every template of the case by name, the main one included.
    var templates: [String: String] = [:]

    var description: String { name }
    var mainTemplate: String { name + ".html" }

    /// The folder of the fixture files, `Tests/TemplateFixtures`, found from this source
    /// file's path. It lies outside the test target's folder, so SwiftPM neither bundles
    /// nor warns about its files.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TemplateFixtures")

    /// Names of all fixtures, sorted.
    static func names() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// Reads and parses `<name>.txt` in the fixture folder.
    init(named name: String) throws {
        self.name = name
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name + ".txt"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let line = lines.first, line.hasPrefix("#! ") {
            lines = lines.dropFirst()
            let option = line.dropFirst(3).split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard option.count == 2, option[0] == "language" else { throw FormatError(description: "unknown option '\(line)'") }
            language = option[1]
        }
        guard let separator = lines.firstIndex(of: "---") else { throw FormatError(description: "no '---' line in \(name).txt") }
        let json = lines[..<separator].joined(separator: "\n")
        context = try Self.context(fromJSON: json)
        var currentName = mainTemplate
        var current: [Substring] = []
        for line in lines[(separator + 1)...] {
            if line.hasPrefix("=== "), line.hasSuffix(" ==="), line.count > 8 {
                templates[currentName] = Self.template(from: current)
                currentName = String(line.dropFirst(4).dropLast(4))
                current = []
            } else {
                current.append(line)
            }
        }
        templates[currentName] = Self.template(from: current)
    }

    /// A template's lines joined; its last line break belongs to the file, not the template.
    private static func template(from lines: [Substring]) -> String {
        var text = lines.joined(separator: "\n")
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Loads the templates and renders the main one: its output, or the diagnostics.
    func run() -> (isError: Bool, text: String) {
        let settings = TemplateSettings(language: language, timeZone: berlin, baseURL: "https://magazin.example/")
        do {
            let set = try TemplateSet(sources: templates, settings: settings)
            return (false, try set.render(mainTemplate, context: context))
        } catch let list as DiagnosticList {
            return (true, list.description)
        } catch {
            return (true, "unexpected error: \(error)")
        }
    }

    // MARK: - JSON

    /// The context from a JSON object. `{"$date": "2022-06-22T10:15:00+02:00"}` becomes a
    /// date, `{"$safe": "<p>…</p>"}` a safe HTML string (as rendered Markdown is).
    static func context(fromJSON json: String) throws -> [String: Value] {
        let trimmed = json.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [:] }
        guard case .dict(let entries) = try JSONDecoder().decode(JSONValue.self, from: Data(trimmed.utf8)).value else {
            throw FormatError(description: "the context must be a JSON object")
        }
        return entries
    }
}

/// A JSON value decoded into a template `Value`.
private struct JSONValue: Decodable {
    let value: Value

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .null
        } else if let flag = try? container.decode(Bool.self) {
            value = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            value = .int(number)
        } else if let number = try? container.decode(Double.self) {
            value = .double(number)
        } else if let text = try? container.decode(String.self) {
            value = .string(text)
        } else if let list = try? container.decode([JSONValue].self) {
            value = .array(list.map(\.value))
        } else {
            let entries = try container.decode([String: JSONValue].self)
            if entries.count == 1, case .string(let html)? = entries["$safe"]?.value {
                value = .safe(html)
            } else if entries.count == 1, case .string(let text)? = entries["$date"]?.value {
                guard let date = ISO8601DateFormatter().date(from: text) else {
                    throw Fixture.FormatError(description: "'\(text)' is not an ISO 8601 date")
                }
                value = .date(date)
            } else {
                value = .dict(entries.mapValues(\.value))
            }
        }
    }
}
