import Diagnostics
import Foundation

/// Writes diagnostics and messages to stderr.
enum Reporter {
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in DiagnosticList.sorted(diagnostics) { printError(diagnostic.rendered) }
    }

    /// Prints `error` in the `file:line:col: message` form where it has one.
    static func report(_ error: any Error) {
        if let list = error as? DiagnosticList {
            report(list.diagnostics)
            let count = list.errors.count
            printError("magbuild: \(count) error\(count == 1 ? "" : "s"); nothing was written")
        } else {
            printError("error: \(error)")
        }
    }
}
