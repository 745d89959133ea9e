import ArgumentParser
import Diagnostics
import Foundation

/// How `magbuild check` prints its findings.
enum CheckFormat: String, CaseIterable, ExpressibleByArgument {
    /// `file:line:col: error: message (hint)` with the source line, on stderr.
    case text
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`), on stdout.
    case github
    /// A JSON array of findings, on stdout.
    case json
}

/// Turns findings into the text of each ``CheckFormat``.
enum CheckOutput {
    /// One `::error …::` / `::warning …::` line per finding. `pathPrefix` turns paths relative to the
    /// site folder into paths relative to the repository root (the current folder in a workflow).
    static func github(_ diagnostics: [Diagnostic], pathPrefix: String) -> String {
        diagnostics.map { diagnostic in
            var properties: [String] = []
            if let location = diagnostic.location {
                properties.append("file=" + escapeProperty(pathPrefix + location.file))
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
            }
            properties.append("title=" + escapeProperty("magbuild check"))
            var message = diagnostic.message
            if let hint = diagnostic.hint { message += " (\(hint))" }
            return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(message))"
        }.joined(separator: "\n")
    }

    /// A stable JSON array: one object per finding with the keys `column`, `file`, `hint`,
    /// `line`, `message`, `severity` (sorted; `file`, `line`, `column`, `hint` may be null).
    static func json(_ diagnostics: [Diagnostic]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard !diagnostics.isEmpty else { return "[]" }
        let findings = diagnostics.map(Finding.init)
        guard let data = try? encoder.encode(findings) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    private struct Finding: Encodable {
        let diagnostic: Diagnostic

        enum Keys: String, CodingKey { case file, line, column, severity, message, hint }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(diagnostic.location?.file, forKey: .file)
            try container.encode(diagnostic.location?.line, forKey: .line)
            try container.encode(diagnostic.location?.column, forKey: .column)
            try container.encode(diagnostic.severity.rawValue, forKey: .severity)
            try container.encode(diagnostic.message, forKey: .message)
            try container.encode(diagnostic.hint, forKey: .hint)
        }
    }

    /// Escaping of a workflow command's message.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping of a workflow command's property value.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
