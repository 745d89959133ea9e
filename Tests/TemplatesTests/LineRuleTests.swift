import Diagnostics
import Testing
@testable import Templates

/// Template diagnostics follow magbuild's one line rule: `\n`, `\r\n` and a lone `\r` each end
/// a line, columns count Unicode scalars (found by fuzzing: `Fuzz/Corpus/FuzzTemplates/regression-lone-cr`,
/// an error reported on line 3 of a template with two `\n` lines).
@Suite struct LineRuleTests {
    /// The `file:line:col` of every diagnostic from loading and rendering `template`.
    private func locations(_ template: String, _ context: [String: Value] = [:]) -> [String] {
        do {
            _ = try TemplateSet(sources: ["t.html": template], settings: settings()).render("t.html", context: context)
            return []
        } catch let list as DiagnosticList {
            return list.diagnostics.compactMap { $0.location?.description }
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func theFuzzersReproducer() {
        // A lone CR, then `ü` in an expression: line 2 by the rule, and a line the template has.
        let template = "{{ x }}\r{{ ü }}"
        #expect(locations(template, ["x": 1]) == ["templates/t.html:2:4"])
        #expect(SourceText(template).lineCount == 2)
    }

    @Test func everyKindOfLineEndingCounts() {
        #expect(locations("a\r\nb\rc\n{{ ü }}") == ["templates/t.html:4:4"])
        #expect(locations("a\r\r\n\r{{ 1 + }}") == ["templates/t.html:4:8"])
    }

    @Test func theSourceLineUnderTheMessageIsTheRightOne() {
        let failure = failure("eins\rzwei {{ ü }}\rdrei")
        #expect(failure.contains("templates/t.html:2:9:"))
        #expect(failure.contains("\n    zwei {{ ü }}\n"))
    }

    @Test func aStringEndsAtALoneCarriageReturn() {
        #expect(locations("{{ \"offen\r}}") == ["templates/t.html:1:4"])
    }

    @Test func contentOutsideBlocksIsFoundAfterCarriageReturns() {
        let sources = ["t.html": "{% extends \"base.html\" %}\r\r  x", "base.html": ""]
        do {
            _ = try TemplateSet(sources: sources, settings: settings())
            Issue.record("no error")
        } catch let list as DiagnosticList {
            #expect(list.diagnostics.map { $0.location?.description } == ["templates/t.html:3:3"])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aByteOrderMarkTakesNoColumn() {
        #expect(locations("\u{FEFF}{{ ü }}") == ["templates/t.html:1:4"])
    }
}

/// `replace` works on any text (found by fuzzing: `Fuzz/Corpus/FuzzTemplates/regression-replace-nul`
/// and `regression-replace-cr`, where Foundation's `replacingOccurrences` trapped).
@Suite struct ReplaceAnyTextTests {
    @Test func nulBytes() throws {
        let output = try render("{{ x | replace(a, b) }}", ["x": "\0\0\0\0", "a": "\0\0\0", "b": "\0\0"])
        #expect(output == "\0\0\0")
    }

    @Test func carriageReturnsAndLineFeeds() throws {
        let text = "a\r{{ ü }}\n\nb"
        let output = try render("{{ x | replace(a, b) }}", ["x": .string(text), "a": "a\r{", "b": "\nb"])
        #expect(output == "\nb{ ü }}\n\nb")
        // Scalars, not characters: the `\r` of `\r\n` is replaced too.
        #expect(try render("{{ x | replace(\"\\r\", \"-\") }}", ["x": "1\r2\r\n3"]) == "1-2-\n3")
    }
}
