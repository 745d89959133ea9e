import Diagnostics
import Testing
@testable import Templates

/// Every kind of error, with its exact `templates/x.html:LINE:COL` diagnostic, source line and caret.
@Suite struct ErrorTests {
    static let page: [String: Value] = [
        "page": ["title": "Titel", "image": nil, "url": "/"], "title": "x", "xs": [1, 2], "n": 3,
    ]

    static let renderErrorCases: [ErrorCase] = [
        ErrorCase("undefined variable", "<h1>{{ titel }}</h1>", page, #"""
            templates/t.html:1:8: error: undefined variable 'titel' (did you mean 'title'?)
                <h1>{{ titel }}</h1>
                       ^
            """#),
        ErrorCase("undefined variable without a close name", "{{ zzzzzz }}", page, #"""
            templates/t.html:1:4: error: undefined variable 'zzzzzz' (defined here: n, page, title, xs)
                {{ zzzzzz }}
                   ^
            """#),
        ErrorCase("missing attribute", "<h1>\n  {{ page.titel }}</h1>", page, #"""
            templates/t.html:2:11: error: 'page' has no attribute 'titel' (did you mean 'title'?)
                  {{ page.titel }}</h1>
                          ^
            """#),
        ErrorCase("missing attribute lists the keys", "{% if page.missing %}x{% endif %}", page, #"""
            templates/t.html:1:12: error: 'page' has no attribute 'missing' (it has: image, title, url)
                {% if page.missing %}x{% endif %}
                           ^
            """#),
        ErrorCase("attribute of null", #"<img src="{{ page.image.src }}">"#, page, #"""
            templates/t.html:1:25: error: cannot read 'src' of null: 'page.image' is null (check with '{% if page.image %}' or write '| default(…)')
                <img src="{{ page.image.src }}">
                                        ^
            """#),
        ErrorCase("attribute of a number", "{{ n.name }}", page, #"""
            templates/t.html:1:6: error: cannot read 'name' of a number ('n')
                {{ n.name }}
                     ^
            """#),
        ErrorCase("loop over a string", "{% for x in title %}{% endfor %}", page, #"""
            templates/t.html:1:13: error: cannot loop over 'title': it is a string ('for' needs a list or a dictionary)
                {% for x in title %}{% endfor %}
                            ^
            """#),
        ErrorCase("loop over null", "{% for x in page.image %}{% endfor %}", page, #"""
            templates/t.html:1:18: error: cannot loop over 'page.image': it is null (guard it with '{% if … %}' or write '| default([])')
                {% for x in page.image %}{% endfor %}
                                 ^
            """#),
        ErrorCase("unpacking non-pairs", "{% for a, b in xs %}{% endfor %}", page, #"""
            templates/t.html:1:16: error: cannot unpack item 0 (a number) into 'a' and 'b' (two loop variables need a dictionary or a list of pairs)
                {% for a, b in xs %}{% endfor %}
                               ^
            """#),
        ErrorCase("index out of range", "{{ xs[2] }}", page, #"""
            templates/t.html:1:6: error: index 2 is out of range: 'xs' has 2 items
                {{ xs[2] }}
                     ^
            """#),
        ErrorCase("missing key", #"{{ page["titel"] }}"#, page, #"""
            templates/t.html:1:8: error: 'page' has no key 'titel' (did you mean 'title'?)
                {{ page["titel"] }}
                       ^
            """#),
        ErrorCase("comparing unlike values", "{% if title > 3 %}{% endif %}", page, #"""
            templates/t.html:1:13: error: cannot compare a string with a number using '>'
                {% if title > 3 %}{% endif %}
                            ^
            """#),
        ErrorCase("division by zero", "{{ n / 0 }}", page, #"""
            templates/t.html:1:6: error: division by zero
                {{ n / 0 }}
                     ^
            """#),
        ErrorCase("printing a list", "{{ xs }}", page, #"""
            templates/t.html:1:4: error: cannot print a list (loop over it with 'for' or use '| join(", ")')
                {{ xs }}
                   ^
            """#),
        ErrorCase("unknown loop attribute", "{% for x in xs %}{{ loop.idx }}{% endfor %}", page, #"""
            templates/t.html:1:26: error: 'loop' has no attribute 'idx' (did you mean 'index'?)
                {% for x in xs %}{{ loop.idx }}{% endfor %}
                                         ^
            """#),
        ErrorCase("filter given the wrong type", "{{ title | date('%Y') }}", page, #"""
            templates/t.html:1:12: error: 'date' needs a date value, got string
                {{ title | date('%Y') }}
                           ^
            """#),
        ErrorCase("unknown date directive", "{{ d | date('%Q') }}", ["d": .date(midsummer)], #"""
            templates/t.html:1:8: error: unknown directive '%Q' in date format (supported: %Y %y %m %d %e %H %I %p %M %S %B %b %A %a %z %F %T %%)
                {{ d | date('%Q') }}
                       ^
            """#),
        ErrorCase("join of a number", "{{ n | join }}", page, #"""
            templates/t.html:1:8: error: 'join' needs a list, got number
                {{ n | join }}
                       ^
            """#),
        ErrorCase("sorting unlike values", "{{ [1, 'a'] | sort }}", [:], #"""
            templates/t.html:1:15: error: 'sort' cannot order a list that mixes a number and a string
                {{ [1, 'a'] | sort }}
                              ^
            """#),
        ErrorCase("super without a parent block", "{% block a %}{{ super() }}{% endblock %}", [:], #"""
            templates/t.html:1:17: error: block 'a' has no parent block to call 'super()' on (no template that t.html extends defines block 'a')
                {% block a %}{{ super() }}{% endblock %}
                                ^
            """#),
        ErrorCase("error inside an include carries the include chain", [
            "t.html": "{% for c in comments %}\n  {% include \"partials/comment.html\" %}{% endfor %}",
            "partials/comment.html": "<p>{{ c.autor }}</p>",
        ], "t.html", ["comments": [["author": "A"]]], #"""
            templates/partials/comment.html:1:9: error: 'c' has no attribute 'autor' (did you mean 'author'?)
                <p>{{ c.autor }}</p>
                        ^
                note: included from templates/t.html:2:3
            """#),
        ErrorCase("error in the layout names the page being rendered", [
            "article.html": "{% extends \"base.html\" %}{% block main %}ok{% endblock %}",
            "base.html": "{% block main %}{% endblock %}\n<footer>{{ site.titel }}</footer>",
        ], "article.html", ["site": ["title": "M"]], #"""
            templates/base.html:2:17: error: 'site' has no attribute 'titel' (did you mean 'title'?)
                <footer>{{ site.titel }}</footer>
                                ^
                note: while rendering templates/article.html
            """#),
        ErrorCase("unknown template at render", ["t.html": ""], "artice.html", [:], #"""
            error: template 'templates/artice.html' not found
            """#),
    ]

    @Test(arguments: renderErrorCases) func renderErrors(_ testCase: ErrorCase) {
        #expect(failure(testCase.sources, testCase.name, testCase.context) == testCase.expected)
    }

    static let loadErrorCases: [ErrorCase] = [
        ErrorCase("unknown filter", "{{ title | truncat(3) }}", [:], #"""
            templates/t.html:1:12: error: unknown filter 'truncat' (did you mean 'truncate'?)
                {{ title | truncat(3) }}
                           ^
            """#),
        ErrorCase("wrong argument counts", "{{ title | truncate }}\n{{ title | upper(1) }}\n{{ title | replace('a') }}", [:], #"""
            templates/t.html:1:12: error: filter 'truncate' takes 1 to 2 arguments, got 0
                {{ title | truncate }}
                           ^
            templates/t.html:2:12: error: filter 'upper' takes 0 arguments, got 1
                {{ title | upper(1) }}
                           ^
            templates/t.html:3:12: error: filter 'replace' takes 2 arguments, got 1
                {{ title | replace('a') }}
                           ^
            """#),
        ErrorCase("unknown test", "{{ x is defind }}", [:], #"""
            templates/t.html:1:9: error: unknown test 'defind' (did you mean 'defined'?)
                {{ x is defind }}
                        ^
            """#),
        ErrorCase("missing include", ["t.html": "{% include \"partials/teasr.html\" %}", "partials/teaser.html": ""], "t.html", [:], #"""
            templates/t.html:1:12: error: template 'partials/teasr.html' not found (did you mean 'partials/teaser.html'?)
                {% include "partials/teasr.html" %}
                           ^
            """#),
        ErrorCase("missing parent", ["t.html": "{% extends \"bse.html\" %}", "base.html": ""], "t.html", [:], #"""
            templates/t.html:1:12: error: template 'bse.html' not found (did you mean 'base.html'?)
                {% extends "bse.html" %}
                           ^
            """#),
        ErrorCase("circular extends", ["a.html": "{% extends \"b.html\" %}", "b.html": "\n{% extends \"a.html\" %}"], "a.html", [:], #"""
            templates/a.html:1:12: error: circular extends: a.html → b.html → a.html
                {% extends "b.html" %}
                           ^
            """#),
        ErrorCase("circular include", ["a.html": "x{% include \"b.html\" %}", "b.html": "{% include \"a.html\" %}"], "a.html", [:], #"""
            templates/a.html:1:2: error: circular include: a.html → b.html → a.html (put the include inside an 'if' or 'for' that ends the recursion)
                x{% include "b.html" %}
                 ^
            """#),
        ErrorCase("unclosed tags and stray end tags", "{% if x %}\n{% for y in z %}{% endif %}", [:], #"""
            templates/t.html:1:1: error: 'if' is never closed (expected '{% endif %}')
                {% if x %}
                ^
            templates/t.html:2:1: error: 'for' is never closed (expected '{% endfor %}')
                {% for y in z %}{% endif %}
                ^
            templates/t.html:2:20: error: unexpected 'endif' inside 'for' (opened at 2:1) (expected '{% endfor %}')
                {% for y in z %}{% endif %}
                                   ^
            """#),
        ErrorCase("unknown tag", "{% iff x %}{% endif %}", [:], #"""
            templates/t.html:1:4: error: unknown tag 'iff' (did you mean 'if'?)
                {% iff x %}{% endif %}
                   ^
            """#),
        ErrorCase("several parse errors in one template", "{{ x | }}\n{{ (a }}\n{% for %}{% endfor %}", [:], #"""
            templates/t.html:1:8: error: expected a filter name after '|', found '}}'
                {{ x | }}
                       ^
            templates/t.html:2:7: error: expected ')' after the expression in parentheses, found '}}'
                {{ (a }}
                      ^
            templates/t.html:3:8: error: expected a loop variable name, found '%}'
                {% for %}{% endfor %}
                       ^
            """#),
        ErrorCase("a lexical error does not hide the others", "{{ x | }}\n{{ a ! b }}", [:], #"""
            templates/t.html:1:8: error: expected a filter name after '|', found '}}'
                {{ x | }}
                       ^
            templates/t.html:2:6: error: unexpected character '!' in expression (use 'not' or '!=')
                {{ a ! b }}
                     ^
            """#),
        ErrorCase("unknown character", "{{ a ! b }}", [:], #"""
            templates/t.html:1:6: error: unexpected character '!' in expression (use 'not' or '!=')
                {{ a ! b }}
                     ^
            """#),
        ErrorCase("unclosed string", "{{ 'abc }}", [:], #"""
            templates/t.html:1:4: error: string is never closed (close it with ' on the same line)
                {{ 'abc }}
                   ^
            """#),
        ErrorCase("unclosed print", "a\n  {{ x", [:], #"""
            templates/t.html:2:3: error: '{{' is never closed (expected '}}')
                  {{ x
                  ^
            """#),
        ErrorCase("wrong closing delimiter", "{{ x %}", [:], #"""
            templates/t.html:1:6: error: expected '}}' to close '{{' opened at 1:1, found '%}'
                {{ x %}
                     ^
            """#),
        ErrorCase("unclosed comment", "a {# b", [:], #"""
            templates/t.html:1:3: error: comment is never closed (close it with '#}')
                a {# b
                  ^
            """#),
        ErrorCase("unclosed raw", "{% raw %} b", [:], #"""
            templates/t.html:1:1: error: 'raw' is never closed (close it with '{% endraw %}')
                {% raw %} b
                ^
            """#),
        ErrorCase("content outside blocks of a child", ["t.html": "{% extends \"b.html\" %}\n  Hello\n{% block a %}{% endblock %}", "b.html": ""], "t.html", [:], #"""
            templates/t.html:2:3: error: content outside of blocks is never rendered in a template that extends another (move it into a block)
                  Hello
                  ^
            """#),
        ErrorCase("super outside a block", "{{ super() }}", [:], #"""
            templates/t.html:1:4: error: 'super()' can only be used inside a block
                {{ super() }}
                   ^
            """#),
        ErrorCase("block defined twice", "{% block a %}{% endblock %}\n{% block a %}{% endblock %}", [:], #"""
            templates/t.html:2:1: error: block 'a' is defined twice (first defined at 1:1)
                {% block a %}{% endblock %}
                ^
            """#),
        ErrorCase("named arguments", "{{ xs | join(sep=',') }}", [:], #"""
            templates/t.html:1:14: error: named arguments are not supported (pass 'sep' by position)
                {{ xs | join(sep=',') }}
                             ^
            """#),
        ErrorCase("extends inside a tag", ["t.html": "{% if x %}{% extends \"b.html\" %}{% endif %}", "b.html": ""], "t.html", [:], #"""
            templates/t.html:1:11: error: 'extends' must be at the top level of the template, outside other tags
                {% if x %}{% extends "b.html" %}{% endif %}
                          ^
            """#),
    ]

    @Test(arguments: loadErrorCases) func loadErrors(_ testCase: ErrorCase) {
        #expect(failure(testCase.sources, testCase.name, testCase.context) == testCase.expected)
    }

    @Test func loadingReportsEverySyntaxErrorOfEveryTemplate() throws {
        let sources = [
            "a.html": "{{ x | nope }}",
            "b.html": "{% iff %}\n{{ y | upper(2) }}",
            "c.html": "fine {{ z }}",
            "d.html": "{% include \"missing.html\" %}",
        ]
        do {
            _ = try TemplateSet(sources: sources, settings: settings())
            Issue.record("loading should fail")
        } catch let list as DiagnosticList {
            #expect(list.diagnostics.map { $0.location.map(\.description) ?? "" } == [
                "templates/a.html:1:8", "templates/b.html:1:4", "templates/b.html:2:8", "templates/d.html:1:12",
            ])
            #expect(list.diagnostics.allSatisfy { $0.sourceLine != nil })
        }
    }

    @Test func recursiveIncludeStopsAtTheDepthLimit() {
        let sources = [
            "t.html": "{% include \"partials/comment.html\" %}",
            "partials/comment.html": "{% if true %}<li>{% include \"partials/comment.html\" %}</li>{% endif %}",
        ]
        let text = failure(sources, "t.html")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "templates/partials/comment.html:1:18: error: include depth limit of 64 exceeded "
                + "('partials/comment.html' includes itself without end) (check the condition that ends the recursion)")
        #expect(lines.count == 5)
        #expect(lines[3] == "    note: included from templates/partials/comment.html:1:18 (63 times)")
        #expect(lines.last == "    note: included from templates/t.html:1:1")
    }

    @Test func includeDepthBelowTheLimitIsFine() throws {
        let sources = ["t.html": "{% if n > 0 %}{{ n }}{% set n = n - 1 %}{% include \"t.html\" %}{% endif %}"]
        #expect(try render(sources, "t.html", ["n": 60]).hasPrefix("605958"))
    }
}
