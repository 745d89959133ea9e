import Testing
@testable import Templates

/// `if`, `for`, `set`, `include`, `extends` / `block` / `super()`.
@Suite struct TagTests {
    static let statementCases: [RenderCase] = [
        RenderCase("{% if n > 2 %}big{% elif n > 1 %}medium{% elif n > 0 %}small{% else %}none{% endif %}", ["n": 2], "medium"),
        RenderCase("{% if n > 2 %}big{% elif n > 1 %}medium{% else %}none{% endif %}", ["n": 0], "none"),
        RenderCase("{% if n %}yes{% endif %}", ["n": 0], ""),
        RenderCase("{% if a %}{% if b %}ab{% else %}a{% endif %}{% endif %}", ["a": true, "b": false], "a"),
        RenderCase("{% for x in xs %}{{ loop.index }}/{{ loop.index0 }}/{{ loop.length }}/{{ loop.first }}/{{ loop.last }}:{{ x }};{% endfor %}",
                   ["xs": ["a", "b", "c"]],
                   "1/0/3/true/false:a;2/1/3/false/false:b;3/2/3/false/true:c;"),
        RenderCase("{% for x in xs %}{{ loop.revindex }}{{ loop.revindex0 }} {% endfor %}", ["xs": [1, 2]], "21 10 "),
        RenderCase("{% for x in xs %}{{ x }}{% else %}empty{% endfor %}", ["xs": []], "empty"),
        RenderCase("{% for x in xs %}{{ x }}{% else %}empty{% endfor %}", ["xs": [:]], "empty"),
        RenderCase("{% for k, v in d %}{{ k }}={{ v }} {% endfor %}", ["d": ["b": 2, "a": 1, "c": 3]], "a=1 b=2 c=3 "),
        RenderCase("{% for k in d %}{{ k }}{% endfor %}", ["d": ["b": 2, "a": 1]], "ab"),
        RenderCase("{% for a, b in pairs %}{{ a }}{{ b }} {% endfor %}", ["pairs": [[1, 2], [3, 4]]], "12 34 "),
        RenderCase("{% for r in rows %}{% for c in r %}{{ loop.index }}{% endfor %}{{ loop.index }}|{% endfor %}",
                   ["rows": [[1, 2], [3]]], "121|12|"),
        RenderCase("{% for x in xs %}{{ x }}{% endfor %}{{ x is defined }}", ["xs": [1]], "1false"),
        RenderCase("{% set x = 1 + 1 %}{{ x }}", [:], "2"),
        RenderCase("{% set x = 1 %}{% for i in [1, 2] %}{% set x = i * 10 %}{{ x }} {% endfor %}{{ x }}", [:], "10 20 1"),
        RenderCase("{% if true %}{% set x = 'leaks from if' %}{% endif %}{{ x }}", [:], "leaks from if"),
        RenderCase("{% set h %}<b>{{ '<' }}</b>{% endset %}{{ h }}{{ h | length }}", [:], "<b>&lt;</b>11"),
        RenderCase("{% set title = 'shadow' %}{{ title }}", ["title": "context"], "shadow"),
    ]

    @Test(arguments: statementCases) func statements(_ testCase: RenderCase) throws {
        try testCase.check()
    }

    @Test func includeSeesTheCurrentContextAndLoopVariables() throws {
        let sources = [
            "list.html": "{% for teaser in articles %}{% include \"partials/teaser.html\" %}{% endfor %}",
            "partials/teaser.html": "<li class=\"{{ kind }}\">{{ loop.index }}. {{ teaser.title }}{% set local = 1 %}</li>",
        ]
        let output = try render(sources, "list.html", ["kind": "card", "articles": [["title": "A & B"], ["title": "C"]]])
        #expect(output == "<li class=\"card\">1. A &amp; B</li><li class=\"card\">2. C</li>")
    }

    @Test func includeWithBindings() throws {
        let sources = [
            "home.html": "{% include \"partials/teaser.html\" with teaser = lead, big = true %}|{{ teaser is defined }}",
            "partials/teaser.html": "{{ teaser.title }}{% if big %}!{% endif %}",
        ]
        #expect(try render(sources, "home.html", ["lead": ["title": "Lead"]]) == "Lead!|false")
    }

    @Test func recursiveIncludeRendersThreadedComments() throws {
        let sources = [
            "comments.html": "<ol>{% for comment in threads %}{% include \"partials/comment.html\" %}{% endfor %}</ol>",
            "partials/comment.html": """
                <li id="c-{{ comment.id }}">{{ comment.author }}\
                {%- if comment.replies %}<ol>{% for comment in comment.replies %}{% include "partials/comment.html" %}{% endfor %}</ol>{% endif -%}
                </li>
                """,
        ]
        let threads: Value = [
            ["id": "1", "author": "A", "replies": [["id": "2", "author": "B", "replies": [["id": "3", "author": "C", "replies": []]]]]],
            ["id": "4", "author": "D", "replies": []],
        ]
        let output = try render(sources, "comments.html", ["threads": threads])
        #expect(output == #"<ol><li id="c-1">A<ol><li id="c-2">B<ol><li id="c-3">C</li></ol></li></ol></li><li id="c-4">D</li></ol>"#)
    }

    static let layouts = [
        "base.html": "<title>{% block title %}Magazin{% endblock %}</title>[{% block body %}base body{% endblock %}]",
        "section.html": "{% extends \"base.html\" %}{% block title %}Politik – {{ super() }}{% endblock %}",
        "article.html": """
            {% extends "section.html" %}
            {% set kicker = "Analyse" %}
            {% block title %}{{ kicker }}: {{ super() }}{% endblock %}
            {% block body %}<article>{{ text }}</article>{% endblock %}
            """,
        "nested-base.html": "{% block outer %}<{% block inner %}i{% endblock %}>{% endblock %}",
        "nested-child.html": "{% extends \"nested-base.html\" %}{% block inner %}{{ super() | upper }}!{% endblock %}",
        "include-extends.html": "({% include \"section.html\" %})",
    ]

    @Test func inheritanceAcrossThreeLevelsWithSuper() throws {
        #expect(try render(Self.layouts, "base.html") == "<title>Magazin</title>[base body]")
        #expect(try render(Self.layouts, "section.html") == "<title>Politik – Magazin</title>[base body]")
        #expect(try render(Self.layouts, "article.html", ["text": "<Text>"])
                == "<title>Analyse: Politik – Magazin</title>[<article>&lt;Text&gt;</article>]")
    }

    @Test func nestedBlocksAndSuperAsAValue() throws {
        #expect(try render(Self.layouts, "nested-child.html") == "<I!>")
    }

    @Test func includedTemplateMayExtendAnother() throws {
        #expect(try render(Self.layouts, "include-extends.html") == "(<title>Politik – Magazin</title>[base body])")
    }

    @Test func templateSetListsItsTemplates() throws {
        let set = try TemplateSet(sources: Self.layouts, settings: settings())
        #expect(set.names == ["article.html", "base.html", "include-extends.html", "nested-base.html",
                              "nested-child.html", "section.html"])
        #expect(set.contains("base.html"))
        #expect(!set.contains("missing.html"))
    }

    @Test func renderAppendsIntoAnExistingBuffer() throws {
        let set = try TemplateSet(sources: ["a.html": "{{ x }}"], settings: settings())
        var out = "start:"
        try set.render("a.html", context: ["x": 1], into: &out)
        try set.render("a.html", context: ["x": 2], into: &out)
        #expect(out == "start:12")
    }
}
