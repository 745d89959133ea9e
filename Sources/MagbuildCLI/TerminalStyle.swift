import Diagnostics
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Colour for terminal output: only when the stream is a terminal, never when `NO_COLOR`
/// is set (https://no-color.org) or `TERM` is `dumb`.
struct TerminalStyle {
    let isEnabled: Bool

    /// The style for standard error (where diagnostics go).
    static var standardError: TerminalStyle { TerminalStyle(fileDescriptor: 2) }

    init(fileDescriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        isEnabled = !noColor && !dumb && isatty(fileDescriptor) == 1
    }

    init(enabled: Bool) {
        isEnabled = enabled
    }

    enum Colour: String {
        case red = "31", yellow = "33", green = "32", bold = "1", dim = "2"
    }

    func paint(_ text: String, _ colours: Colour...) -> String {
        guard isEnabled, !colours.isEmpty else { return text }
        return "\u{1B}[" + colours.map(\.rawValue).joined(separator: ";") + "m" + text + "\u{1B}[0m"
    }

    /// ``Diagnostic/rendered`` with the location in bold and the severity in colour;
    /// exactly `rendered` when colour is off.
    func render(_ diagnostic: Diagnostic) -> String {
        guard isEnabled else { return diagnostic.rendered }
        var out = ""
        if let location = diagnostic.location { out += paint("\(location):", .bold) + " " }
        out += diagnostic.severity == .error
            ? paint("error:", .bold, .red) : paint("warning:", .bold, .yellow)
        out += " " + paint(diagnostic.message, .bold)
        if let hint = diagnostic.hint { out += " (\(hint))" }
        if let line = diagnostic.sourceLine, let location = diagnostic.location {
            out += "\n    " + line
            out += "\n    " + String(repeating: " ", count: max(0, location.column - 1)) + paint("^", .green, .bold)
        }
        for note in diagnostic.notes { out += "\n    " + paint("note:", .dim) + " " + note }
        return out
    }
}
