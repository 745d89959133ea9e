import Diagnostics
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs a streaming `XMLParser` over an export file with one of the readers, so that the
/// export is never held in memory as a whole.
enum ExportParser {
    /// Parses `url` with `delegate`. `file` names the export in messages.
    /// - Throws: a `DiagnosticList` with a `file:line:col` error when the XML is malformed.
    static func parse(_ url: URL, file: String, delegate: any XMLParserDelegate & ExportReading) throws {
        guard let stream = InputStream(url: url) else {
            throw DiagnosticList([.error(at: SourceLocation(file: file), "cannot open the export")])
        }
        let parser = XMLParser(stream: stream)
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let finished = parser.parse()
        if let failure = delegate.collector.failure { throw failure }
        if let problem = delegate.fatalProblem {
            throw DiagnosticList([.error(at: SourceLocation(file: file, line: 1, column: 1), problem)])
        }
        if !finished {
            let location = SourceLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unknown error"
            throw DiagnosticList([.error(at: location, "the export is not well-formed XML: \(reason)")])
        }
    }
}

/// What `ExportParser` needs of a reader.
protocol ExportReading: AnyObject {
    var collector: ExportCollector { get }
    /// A reason to stop that is not an XML syntax error (e.g. the wrong kind of export).
    var fatalProblem: String? { get }
}
