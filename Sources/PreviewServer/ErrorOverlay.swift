import Basics
import Diagnostics

/// The overlay shown over every page while the latest rebuild has failed:
/// each error as `file:line:col: message`, its source line with a caret, and
/// notes. Everything from the site's sources is HTML-escaped.
enum ErrorOverlay {
    /// The element's id; the live-reload script reloads when a good build follows.
    static let elementID = "magbuild-error-overlay"

    static func html(for failure: BuildFailure) -> String {
        let count = failure.diagnostics.filter { $0.severity == .error }.count
        let title = count == 1 ? "The last rebuild failed: 1 error" : "The last rebuild failed: \(count) errors"
        var items = ""
        for diagnostic in failure.diagnostics {
            items += "<li>" + item(diagnostic) + "</li>"
        }
        return """
            <div id="\(elementID)" role="alert" style="position:fixed;inset:0;z-index:2147483647;\
            overflow:auto;background:rgba(24,24,27,.94);color:#f4f4f5;padding:2rem;\
            font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left">\
            <button type="button" onclick="this.parentNode.remove()" aria-label="Close" \
            style="float:right;font:inherit;background:none;color:inherit;border:1px solid #71717a;\
            border-radius:4px;cursor:pointer">×</button>\
            <h2 style="margin:0 0 1rem;font:inherit;font-size:1.2em;color:#fca5a5">\(Escaping.html(title))</h2>\
            <ol style="margin:0;padding-left:1.5rem">\(items)</ol>\
            <p style="color:#a1a1aa">Still showing the last good build underneath. \
            Fix the file and save: this page reloads by itself.</p></div>
            """
    }

    private static func item(_ diagnostic: Diagnostic) -> String {
        var text = "<pre style=\"white-space:pre-wrap;margin:0 0 1rem\">"
        text += "<strong>" + Escaping.html(diagnostic.description) + "</strong>"
        if let sourceLine = diagnostic.sourceLine, let location = diagnostic.location {
            let caret = String(repeating: " ", count: max(0, location.column - 1)) + "^"
            text += "\n    " + Escaping.html(sourceLine) + "\n    " + caret
        }
        for note in diagnostic.notes {
            text += "\n    note: " + Escaping.html(note)
        }
        return text + "</pre>"
    }
}
