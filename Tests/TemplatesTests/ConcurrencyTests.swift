import Foundation
import Diagnostics
import Testing
@testable import Templates

/// One `TemplateSet`, rendered from many tasks at once, must give every caller its own right answer.
@Suite struct ConcurrencyTests {
    static let sources = [
        "base.html": "<title>{% block title %}{% endblock %}</title>{% block body %}{% endblock %}",
        "article.html": """
            {% extends "base.html" %}
            {% block title %}{{ article.title }}{% endblock %}
            {% block body %}<time datetime="{{ article.date | date('iso') }}">{{ article.date | date }}</time>
            {%- for c in article.comments %}{% include "partials/comment.html" %}{% endfor %}{% endblock %}
            """,
        "partials/comment.html": "<p>{{ loop.index }}:{{ c.text | truncate(12) }}{% for c in c.replies %}{% include \"partials/comment.html\" %}{% endfor %}</p>",
    ]

    static func context(_ number: Int) -> [String: Value] {
        let replies: Value = [["text": "reply to \(number)", "replies": []]]
        return ["article": [
            "title": .string("Artikel \(number)"),
            "date": .date(midsummer.addingTimeInterval(Double(number) * 86_400)),
            "comments": [["text": "Kommentar Nummer \(number)", "replies": replies]],
        ]]
    }

    static func expected(_ number: Int, _ set: TemplateSet) -> String {
        let date = midsummer.addingTimeInterval(Double(number) * 86_400)
        let dates = DateFormatting(language: "de", timeZone: berlin)
        let reply = Filters.truncate("reply to \(number)", to: 12, ending: "…")
        let comment = Filters.truncate("Kommentar Nummer \(number)", to: 12, ending: "…")
        return "<title>Artikel \(number)</title><time datetime=\"\(dates.iso8601(date))\">\(dates.longForm(date))</time>"
            + "<p>1:\(comment)<p>1:\(reply)</p></p>"
    }

    @Test func oneTemplateSetRenderedFromManyTasks() async throws {
        let set = try TemplateSet(sources: Self.sources, settings: settings())
        let mismatches = try await withThrowingTaskGroup(of: Int?.self) { group in
            for number in 0..<400 {
                group.addTask {
                    let output = try set.render("article.html", context: Self.context(number))
                    return output == Self.expected(number, set) ? nil : number
                }
            }
            var mismatches: [Int] = []
            for try await result in group {
                if let result { mismatches.append(result) }
            }
            return mismatches
        }
        #expect(mismatches.isEmpty)
        #expect(try set.render("article.html", context: Self.context(0)) == Self.expected(0, set))
    }

    /// A copy for a thread of its own renders what the set renders, errors included, and
    /// shares none of the set's templates.
    @Test func aCopyRendersWhatTheSetRendersWithTemplatesOfItsOwn() throws {
        let set = try TemplateSet(sources: Self.sources, settings: settings())
        let copy = set.copy()
        #expect(copy.names == set.names)
        for name in set.names {
            let original = try #require(set.templates[name]), copied = try #require(copy.templates[name])
            #expect(original !== copied)
            #expect(original.source == copied.source)
        }
        for number in 0..<20 {
            #expect(try copy.render("article.html", context: Self.context(number)) == Self.expected(number, set))
        }
        let failing = try TemplateSet(sources: ["t.html": "a{{ missing }}b"], settings: settings())
        #expect(throws: DiagnosticList.self) { try failing.copy().render("t.html", context: [:]) }
    }

    @Test func manyThreadsWithDispatch() throws {
        let set = try TemplateSet(sources: Self.sources, settings: settings())
        let results = ResultBox(count: 200)
        DispatchQueue.concurrentPerform(iterations: 200) { number in
            let output = try? set.render("article.html", context: Self.context(number))
            results.store(output == Self.expected(number, set), at: number)
        }
        #expect(results.all)
    }
}

/// Per-index results written from many threads, each slot by exactly one thread.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Bool]

    init(count: Int) {
        values = Array(repeating: false, count: count)
    }

    func store(_ value: Bool, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        values[index] = value
    }

    var all: Bool {
        lock.lock()
        defer { lock.unlock() }
        return values.allSatisfy { $0 }
    }
}
