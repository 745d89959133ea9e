import Foundation
import Testing
@testable import Templates

/// `.record` values behave exactly like the `.dict` with the same entries.
@Suite struct RecordTests {
    static let linkKeys = RecordKeys(["name", "url"])
    static let commentKeys = RecordKeys(["id", "author", "rating", "replyTo", "replies", "a_rather_long_key_name"])

    static func link(_ name: String, _ url: String) -> Value { .record(Record(linkKeys, [.string(name), .string(url)])) }

    static func comment(_ id: String, rating: Int, replies: [Value] = []) -> Value {
        .record(Record(commentKeys, [.string(id), .string("<Ann>"), .int(rating), .null, .array(replies), "long"]))
    }

    /// `value` with every record replaced by its dictionary, all the way down.
    static func expandedAll(_ value: Value) -> Value {
        switch value {
        case .record(let record): return .dict(record.dictionary.mapValues(expandedAll))
        case .dict(let entries): return .dict(entries.mapValues(expandedAll))
        case .array(let items): return .array(items.map(expandedAll))
        default: return value
        }
    }

    static let context: [String: Value] = [
        "c": comment("c1", rating: 2, replies: [comment("c2", rating: -1), comment("c3", rating: 0)]),
        "l": link("Politik", "/politik/"),
        "k": "url",
    ]

    static let templates = [
        "{{ c.id }} {{ c.author }} {{ c.rating }} {{ c.replyTo }}|{{ c.a_rather_long_key_name }}",
        "{% for r in c.replies %}{{ r.id }}:{{ r.rating }}{% if r.rating > 0 %}+{% endif %} {% endfor %}",
        "{{ l.name }} {{ l['url'] }} {{ l[k] }} {{ c.replies[1].id }} {{ c.replies[-1].author }}",
        "{{ c.missing is defined }} {{ c.id is defined }} {{ c.replyTo is none }} {{ c.nope.deeper is undefined }}",
        "{{ c.missing | default('none') }} {{ c.replies | length }} {{ l | length }} {{ c | length }}",
        "{% for key, value in l %}{{ key }}={{ value }};{% endfor %}{% for key in c %}{{ key }},{% endfor %}",
        "{{ l | json }} {{ c.replies | map('id') | join(',') }} {{ c.replies | sort(attribute='rating') | map('id') | join(',') }}",
        "{{ l | urlencode }} {{ 'url' in l }} {{ 'x' in l }} {{ l == {'name': 'Politik', 'url': '/politik/'} }}",
        "{{ l != {'name': 'Politik'} }} {{ c.replies[0] == c.replies[0] }} {% if l %}yes{% endif %}",
        "{{ c.missing }}",
        "{{ l.nmae }}",
        "{{ l['missing'] }}",
        "{{ l }}",
        "{{ c.replyTo.name }}",
        "{{ c.id.length }}",
    ]

    @Test(arguments: templates) func rendersLikeTheDictionary(_ template: String) {
        let expanded = Self.context.mapValues(Self.expandedAll)
        let withRecords = failureOrOutput(template, Self.context)
        #expect(withRecords == failureOrOutput(template, expanded))
        #expect(!withRecords.isEmpty)
    }

    private func failureOrOutput(_ template: String, _ context: [String: Value]) -> String {
        (try? render(template, context)) ?? failure(template, context)
    }

    @Test func findsNamesFromTemplates() throws {
        let record = Record(Self.commentKeys, ["1", "Ann", 3, .null, [], "x"])
        // Names made from bytes, as the lexer makes them, match the keys.
        for (position, name) in Self.commentKeys.names.enumerated() {
            let fromBytes = String(decoding: Array(name.utf8), as: UTF8.self)
            #expect(record[fromBytes] == record.values[position])
            #expect(Self.commentKeys.position(of: fromBytes) == position)
        }
        #expect(record["missing"] == nil)
        #expect(record["Rating"] == nil)
        #expect(record[""] == nil)
        // Same length and first byte as keys, different names.
        #expect(record["rotten"] == nil)
        let sameSignature = RecordKeys(["abc", "axe", "a\u{E9}"])
        #expect(sameSignature.position(of: "axe") == 1)
        #expect(sameSignature.position(of: "a\u{E9}") == 2)
        #expect(sameSignature.position(of: "abd") == nil)
        #expect(sameSignature.position(of: String(repeating: "a", count: 40)) == nil)
    }

    @Test func equalsAndHashesLikeTheDictionary() {
        let record = Self.link("a", "/a/")
        let dict: Value = ["name": "a", "url": "/a/"]
        #expect(record == dict)
        #expect(dict == record)
        #expect(record == Self.link("a", "/a/"))
        #expect(record != Self.link("a", "/b/"))
        #expect(record != ["name": "a"])
        #expect(Set([record, dict]).count == 1)
        #expect(Value.array([record]) == .array([dict]))
    }
}
