import Diagnostics

/// Why the latest rebuild failed: the diagnostics of the build, or a plain message
/// for errors that carry no location (an unreadable folder).
public struct BuildFailure: Sendable, Equatable {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Wraps whatever the build threw; a `DiagnosticList` keeps its errors and locations.
    public init(error: any Error) {
        if let list = error as? DiagnosticList {
            let errors = DiagnosticList.sorted(list.errors)
            diagnostics = errors.isEmpty ? list.diagnostics : errors
        } else if let diagnostic = error as? Diagnostic {
            diagnostics = [diagnostic]
        } else {
            diagnostics = [Diagnostic.error(at: nil, "\(error)")]
        }
    }
}
