import Dispatch
import Foundation
import Testing
@testable import Markdown

/// cmark-gfm's inline parser uses global tables; without magbuild's lock two
/// threads rendering at once silently lose strikethrough and autolinks. Only a
/// document-by-document comparison with single-threaded output catches that.
@Suite struct ConcurrencyTests {
    /// Results written from many threads, one slot per document.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [RenderedMarkdown?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func store(_ result: RenderedMarkdown, at index: Int) {
            lock.lock()
            defer { lock.unlock() }
            slots[index] = result
        }

        var all: [RenderedMarkdown?] {
            lock.lock()
            defer { lock.unlock() }
            return slots
        }
    }

    /// A varied document: strikethrough, autolinks, emphasis, tables, links, headings.
    static func document(_ number: Int) -> String {
        let words = ["Kasachstan", "Russland", "Freundschaft", "Steppe", "Öl", "Grenze", "Präsident", "Wahl"]
        var generator = number &* 2_654_435_761 &+ 1
        func next(_ limit: Int) -> Int {
            generator = (generator &* 1_103_515_245 &+ 12_345) & 0x7FFF_FFFF
            return generator % limit
        }
        var lines = ["# \(words[next(8)]) \(number)", ""]
        for paragraph in 0..<(2 + next(4)) {
            var sentence: [String] = []
            for _ in 0..<(6 + next(20)) {
                let word = words[next(8)]
                switch next(9) {
                case 0: sentence.append("~~\(word)~~")
                case 1: sentence.append("~\(word)~")
                case 2: sentence.append("www.\(word.lowercased())\(number).example")
                case 3: sentence.append("https://example.com/\(number)/\(paragraph)")
                case 4: sentence.append("*\(word)*")
                case 5: sentence.append("[\(word)](../\(word.lowercased())/)")
                default: sentence.append(word)
                }
            }
            lines.append(sentence.joined(separator: " ") + ".")
            lines.append("")
        }
        if next(3) == 0 {
            lines += ["| a | b |", "|---|---|", "| ~~x~~ | www.tabelle.example |", ""]
        }
        lines += ["Ende mit ~~Streichung~~ und www.schluss\(number).example.", ""]
        return lines.joined(separator: "\n")
    }

    @Test func concurrentRenderingMatchesSingleThreaded() {
        let documents = (0..<2_000).map(Self.document)
        let options = MarkdownOptions(pageURL: "/politik/artikel/")
        let expected = documents.map { MarkdownRenderer.render($0, options: options) }
        #expect(expected.allSatisfy { $0.html.contains("<del>Streichung</del>") })
        #expect(expected.allSatisfy { $0.html.contains("<a href=\"http://www.schluss") })

        for round in 1...3 {
            let results = Results(count: documents.count)
            DispatchQueue.concurrentPerform(iterations: documents.count) { index in
                results.store(MarkdownRenderer.render(documents[index], options: options), at: index)
            }
            let actual = results.all
            let wrong = documents.indices.filter { actual[$0] != expected[$0] }.count
            #expect(wrong == 0, "round \(round): \(wrong) of \(documents.count) documents differ")
        }
    }

    @Test func concurrentRenderingInTaskGroup() async {
        let documents = (0..<400).map { Self.document($0 + 5_000) }
        let expected = documents.map { MarkdownRenderer.render($0).html }
        let actual = await withTaskGroup(of: (Int, String).self) { group in
            for (index, document) in documents.enumerated() {
                group.addTask { (index, MarkdownRenderer.render(document).html) }
            }
            var htmls = Array(repeating: "", count: documents.count)
            for await (index, html) in group { htmls[index] = html }
            return htmls
        }
        let wrong = documents.indices.filter { actual[$0] != expected[$0] }
        #expect(wrong.isEmpty, "\(wrong.count) of \(documents.count) documents differ, first \(wrong.prefix(5))")
    }
}
