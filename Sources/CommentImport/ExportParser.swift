import Comments
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
        if let problem = try? ExportPrecheck.problem(in: url, file: file) {
            throw DiagnosticList([problem])
        }
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
            let reason = describe(parser.parserError)
            throw DiagnosticList([.error(at: location, "the export is not well-formed XML: \(reason)")])
        }
    }
}

extension ExportParser {
    /// A short reason for the XML parser's error codes that exports actually hit.
    static func describe(_ error: (any Error)?) -> String {
        guard let error else { return "unknown error" }
        let code = (error as NSError).code
        switch code {
        case 4: return "the file is empty"
        case 5: return "the file ends before the document does (truncated?)"
        case 9: return "a character that XML does not allow"
        case 26, 27: return "an undefined entity"
        case 38, 39, 40, 41: return "a malformed attribute"
        case 64, 65: return "a malformed XML declaration"
        case 68: return "a malformed name"
        case 73: return "an element is not closed properly"
        case 76: return "an end tag does not match its start tag"
        case 111: return "an unescaped '<' or '&', or a malformed tag"
        default: return "XML parser error \(code)"
        }
    }
}

/// What `ExportParser` needs of a reader.
protocol ExportReading: AnyObject {
    var collector: ExportCollector { get }
    /// A reason to stop that is not an XML syntax error (e.g. the wrong kind of export).
    var fatalProblem: String? { get }
}
