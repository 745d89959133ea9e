import Comments
import Diagnostics
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs a streaming `XMLParser` over an export file with one of the readers, so that the
/// export is never held in memory as a whole.
///
/// Before parsing, ``ExportPrecheck`` rejects what the parser cannot survive and
/// ``ExportRepair`` mends the known damage of old exports (nested CDATA sections, control
/// characters) into a temporary copy, reporting each repair at its line.
enum ExportParser {
    /// Parses `url` with `delegate`. `file` names the export in messages.
    /// - Returns: the repairs made to the export before it was read (the copy is gone by then).
    /// - Throws: a `DiagnosticList` with a `file:line:col` error when the XML is malformed.
    static func parse(_ url: URL, file: String, delegate: any XMLParserDelegate & ExportReading) throws -> ExportRepair.Result {
        if let problem = try? ExportPrecheck.problem(in: url, file: file) {
            throw DiagnosticList([problem])
        }
        let repair = try ExportRepair.repaired(url, file: file)
        defer { if let copy = repair.copy { try? FileManager.default.removeItem(at: copy) } }
        // A removed control character can leave what the parser cannot survive (`<?x?\u{11}>`).
        if let copy = repair.copy, let problem = try? ExportPrecheck.problem(in: copy, file: file) {
            throw DiagnosticList([problem])
        }
        guard let stream = InputStream(url: repair.copy ?? url) else {
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
            // Where the XML first broke, not where the parser gave up (often the last line).
            let first = delegate.errors.first
            let location = SourceLocation(
                file: file, line: max(1, first?.line ?? parser.lineNumber), column: max(1, first?.column ?? parser.columnNumber))
            let reason = describe(code: first?.code ?? (parser.parserError as NSError?)?.code)
            throw DiagnosticList([.error(at: location, "the export is not well-formed XML: \(reason)")])
        }
        return repair
    }
}

/// The first error that breaks the document, so it can be located; namespace errors (an
/// undeclared `dsq:` prefix, as Disqus writes) do not.
///
/// The streaming parser stops reading at such an error by itself. It must not be stopped
/// from its error callback: it then parses the next chunk with a context it has let go of
/// (a segmentation fault; `Fuzz/Corpus/FuzzDisqusImport/regression-abort-in-error-callback`).
final class ParseErrors {
    private(set) var first: (code: Int, line: Int, column: Int)?

    func record(_ error: any Error, line: Int, column: Int) {
        let code = (error as NSError).code
        guard first == nil, !(200..<300).contains(code) else { return }
        first = (code, line, column)
    }
}

extension ExportParser {
    /// A short reason for the XML parser's error codes that exports actually hit.
    static func describe(code: Int?) -> String {
        guard let code else { return "unknown error" }
        switch code {
        case 4: return "the file is empty"
        case 5: return "the file ends before the document does (truncated?)"
        case 9: return "a character that XML does not allow"
        case 26, 27: return "an undefined entity"
        case 38, 39, 40, 41: return "a malformed attribute"
        case 62: return "']]>' outside a CDATA section"
        case 63: return "an unterminated CDATA section"
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
    /// Where the XML parser found the document broken; the reader records it from
    /// `parser(_:parseErrorOccurred:)`.
    var errors: ParseErrors { get }
    /// A reason to stop that is not an XML syntax error (e.g. the wrong kind of export).
    var fatalProblem: String? { get }
}
