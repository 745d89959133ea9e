import Foundation
import Testing
@testable import Templates

@Suite struct ExpressionTests {
    static let article: Value = [
        "title": "Russland und Kasachstan",
        "section": ["name": "Politik", "url": "/politik/"],
        "tags": [["name": "Russland"], ["name": "Kasachstan"]],
        "image": nil,
        "readingTime": 7,
    ]

    static let cases: [RenderCase] = [
        RenderCase("{{ article.title }}", ["article": article], "Russland und Kasachstan"),
        RenderCase("{{ article.section.name }}", ["article": article], "Politik"),
        RenderCase("{{ article.tags[1].name }}", ["article": article], "Kasachstan"),
        RenderCase("{{ article.tags[-1].name }}", ["article": article], "Kasachstan"),
        RenderCase("{{ article.tags.0.name }}", ["article": article], "Russland"),
        RenderCase("{{ article[\"title\"] }}", ["article": article], "Russland und Kasachstan"),
        RenderCase("{{ d[k] }}", ["d": ["a": 1], "k": "a"], "1"),
        RenderCase("{{ 'single' }} {{ \"double \\\"q\\\"\" }}", [:], "single double &quot;q&quot;"),
        RenderCase("{{ 42 }} {{ 2.5 }} {{ 3.0 }} {{ -4 }} {{ 1_000 }}", [:], "42 2.5 3 -4 1000"),
        RenderCase("{{ true }} {{ false }} {{ none }}|", [:], "true false |"),
        RenderCase("{{ [1, 'a', [2]] | length }}", [:], "3"),
        RenderCase("{{ {'a': 1, 'b': 2}.b }}", [:], "2"),
        RenderCase("{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ 7 / 2 }} {{ 6 / 2 }} {{ 7 % 3 }} {{ 10 - 2 - 3 }}", [:],
                   "7 9 3.5 3 1 5"),
        RenderCase("{{ n * 1.5 }} {{ -n }} {{ - n + 1 }}", ["n": 2], "3 -2 -1"),
        RenderCase("{{ 'a' ~ 1 ~ true ~ none }}", [:], "a1true"),
        RenderCase("{{ 'a' + 'b' }} {{ ([1] + [2]) | join(',') }}", [:], "ab 1,2"),
        RenderCase("{{ 1 < 2 }} {{ 2 <= 2 }} {{ 3 > 4 }} {{ 3 >= 4 }} {{ 1 == 1.0 }} {{ 'a' != 'b' }}", [:],
                   "true true false false true true"),
        RenderCase("{{ 'b' < 'c' }} {{ d1 < d2 }}", ["d1": .date(marchNight), "d2": .date(midsummer)], "true true"),
        RenderCase("{{ 'b' in ['a', 'b'] }} {{ 'x' not in 'abc' }} {{ 'k' in d }} {{ 3 in [1, 2] }}", ["d": ["k": 1]],
                   "true true true false"),
        RenderCase("{{ not false and (true or false) }} {{ not 1 == 1 }}", [:], "true false"),
        RenderCase("{{ x or 'fallback' }} {{ 'first' or 'second' }} {{ 0 and 1 }}", ["x": ""], "fallback first 0"),
        RenderCase("{{ 'yes' if flag else 'no' }} {{ 'shown' if flag }}|{{ 'hidden' if not flag }}|", ["flag": true],
                   "yes shown||"),
        RenderCase("{{ s == h }}", ["s": "x", "h": .safe("x")], "true"),
        RenderCase("{{ [1, 2] == [1, 2.0] }} {{ {'a': [1]} == {'a': [1]} }}", [:], "true true"),
        RenderCase("{{ article.title | lower | upper }}", ["article": article], "RUSSLAND UND KASACHSTAN"),
        RenderCase("{{ article.readingTime + 1 }}", ["article": article], "8"),
    ]

    @Test(arguments: cases) func evaluates(_ testCase: RenderCase) throws {
        try testCase.check()
    }

    static let testCases: [RenderCase] = [
        RenderCase("{{ x is defined }} {{ y is defined }} {{ y is not defined }} {{ y is undefined }}", ["x": 1],
                   "true false true true"),
        RenderCase("{{ a.missing is defined }} {{ a.b is defined }} {{ n.deep is defined }} {{ z.deep.deeper is defined }}",
                   ["a": ["b": nil], "n": nil], "false true false false"),
        RenderCase("{{ xs[5] is defined }} {{ xs[0] is defined }} {{ d['k'] is defined }}", ["xs": [1], "d": [:]],
                   "false true false"),
        RenderCase("{{ loop is defined }}{% for x in [1] %} {{ loop.index is defined }}{% endfor %}", [:], "false true"),
        RenderCase("{{ n is none }} {{ 1 is not none }} {{ 3 is odd }} {{ 4 is even }} {{ 4 is odd }}", ["n": nil],
                   "true true true true false"),
        RenderCase("{{ 's' is string }} {{ 1.5 is number }} {{ [] is sequence }} {{ {} is mapping }} {{ 1 is string }}", [:],
                   "true true true true false"),
        RenderCase("{{ not x is defined }}", [:], "true"),
    ]

    @Test(arguments: testCases) func isTests(_ testCase: RenderCase) throws {
        try testCase.check()
    }

    static let truthiness: [(Value, Bool)] = [
        (nil, false), (false, false), (0, false), (0.0, false), ("", false), (.safe(""), false), ([], false), ([:], false),
        (true, true), (1, true), (-1.5, true), ("0", true), (.safe("<br>"), true), ([nil], true), (["a": nil], true),
        (.date(midsummer), true),
    ]

    @Test func truthinessOfEveryKindOfValue() throws {
        for (value, expected) in Self.truthiness {
            let output = try render("{% if v %}T{% else %}F{% endif %}", ["v": value])
            #expect(output == (expected ? "T" : "F"), "\(value)")
            #expect(value.isTruthy == expected)
        }
    }
}
