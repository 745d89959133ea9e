import Diagnostics
import Dispatch
import Foundation
import Testing
@testable import Templates

/// Templates that recurse or nest without end fail with an error naming the place and
/// what to do, instead of overflowing the stack; deep but finite recursion renders.
@Suite struct TemplateLimitTests {
    /// A template that includes itself unconditionally never renders; it is reported at the include.
    @Test func templateIncludingItselfIsAnError() {
        let message = failure(["page.html": "<div>\n  {% include \"page.html\" %}\n</div>"], "page.html")
        #expect(message.hasPrefix("templates/page.html:2:3: error: "), "\(message)")
        #expect(message.contains("include"))
    }

    /// The same through a loop, as a comment partial that forgets to use `comment.replies`.
    @Test func partialIncludingItselfInALoopStopsAtTheDepthLimit() {
        let message = failure([
            "t.html": "{% for c in items %}{% include \"partials/c.html\" %}{% endfor %}",
            "partials/c.html": "<li>{{ c }}{% for c in items %}{% include \"partials/c.html\" %}{% endfor %}</li>",
        ], "t.html", ["items": ["a", "b"]])
        #expect(message.hasPrefix("templates/partials/c.html:1:"), "\(message)")
        #expect(message.contains("include depth limit of \(Renderer.maxIncludeDepth) exceeded"))
        #expect(message.contains("(check the condition that ends the recursion)"))
    }

    /// Recursion up to the limit renders on a thread with a 1 MiB stack, the way the build
    /// renders pages on worker threads. (64 levels take 770 KiB–1 MiB in a debug build, so the
    /// 512 KiB of a macOS dispatch worker thread are not enough there; release builds need far less.)
    @Test func recursionUpToTheLimitRendersOnAOneMegabyteStack() throws {
        var nested: Value = ["replies": []]
        for _ in 1..<Renderer.maxIncludeDepth { nested = ["replies": [nested]] }
        let set = try TemplateSet(sources: [
            "t.html": "{% for comment in root.replies %}{% include \"c.html\" %}{% endfor %}",
            "c.html": "<li>{% if comment.replies %}<ol>{% for comment in comment.replies %}{% include \"c.html\" %}{% endfor %}</ol>{% endif %}</li>",
        ], settings: settings())
        let root: Value = ["replies": [nested]]
        let output = try onThread(stackSize: 1024 * 1024) { try set.render("t.html", context: ["root": root]) }
        #expect(output.components(separatedBy: "<li>").count - 1 == Renderer.maxIncludeDepth)
    }

    /// 10,000 nested `if` tags: one error at the first tag past the limit, not 10,000 more
    /// for the end tags, and no stack overflow in the parser.
    @Test func tenThousandNestedTagsAreOneError() {
        let depth = 10_000
        let template = String(repeating: "{% if true %}", count: depth) + "innen" + String(repeating: "{% endif %}", count: depth)
        let column = 13 * Parser.nestingLimit + 4
        #expect(failure(template) == """
            templates/t.html:1:\(column): error: tags nested more than 64 deep (move the inner part into a partial and include it)
            """ + "\n" + Self.sourceLine(template, caretAt: column))
    }

    @Test func nestingUpToTheLimitRenders() throws {
        let depth = Parser.nestingLimit
        let template = String(repeating: "{% for x in [1] %}{% if x %}", count: depth / 2) + "innen"
            + String(repeating: "{% endif %}{% endfor %}", count: depth / 2)
        #expect(try render(template) == "innen")
        #expect(try render("{{ " + String(repeating: "(", count: depth - 1) + "1" + String(repeating: ")", count: depth - 1) + " }}") == "1")
    }

    /// 10,000 nested parentheses, lists, `not` and `-` in one expression.
    @Test func tenThousandNestedExpressionsAreOneError() {
        let depth = 10_000
        for (open, close) in [("(", ")"), ("[", "]"), ("not ", ""), ("- ", "")] {
            let template = "{{ " + String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth) + " }}"
            let message = failure(template)
            #expect(message.hasPrefix("templates/t.html:1:"), "\(message.prefix(200))")
            #expect(message.contains("error: expression nested more than 64 deep (split it up with '{% set %}')"))
            #expect(message.components(separatedBy: "error:").count == 2, "one error only")
        }
    }

    /// The source line and caret lines of a diagnostic, for a one-line template.
    private static func sourceLine(_ line: String, caretAt column: Int) -> String {
        "    " + line + "\n    " + String(repeating: " ", count: column - 1) + "^"
    }

    /// Runs `body` on a new thread with a stack of `stackSize` bytes and waits for it.
    private func onThread<T: Sendable>(stackSize: Int, _ body: @escaping @Sendable () throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result { try body() }
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        guard let result = box.result else { throw CancellationError() }
        return try result.get()
    }
}

/// Carries a result from the thread that computed it to the one waiting on the semaphore.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
