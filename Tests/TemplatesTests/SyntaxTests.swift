import Testing
@testable import Templates

/// Escaping, safe values, comments, raw blocks and whitespace control.
@Suite struct SyntaxTests {
    static let nasty = #"<a href="x">'Tom' & Jerry</a>"#

    static let escaping: [RenderCase] = [
        RenderCase("{{ s }}", ["s": .string(nasty)], "&lt;a href=&quot;x&quot;&gt;&#39;Tom&#39; &amp; Jerry&lt;/a&gt;"),
        RenderCase(#"<img alt="{{ s }}" title='{{ s }}'>"#, ["s": #"He said "hi" & 'bye'"#],
                   #"<img alt="He said &quot;hi&quot; &amp; &#39;bye&#39;" title='He said &quot;hi&quot; &amp; &#39;bye&#39;'>"#),
        RenderCase("{{ html }}", ["html": .safe("<p>Body &amp; soul</p>")], "<p>Body &amp; soul</p>"),
        RenderCase("{{ s | safe }}", ["s": "<b>bold</b>"], "<b>bold</b>"),
        RenderCase("{{ s | escape }}|{{ s | e }}|{{ h | escape }}", ["s": "<&>", "h": .safe("<i>")], "&lt;&amp;&gt;|&lt;&amp;&gt;|<i>"),
        RenderCase("{{ s | escape | escape }}", ["s": "&"], "&amp;"),
        RenderCase("{{ h ~ s }}", ["h": .safe("<b>"), "s": "<i>"], "<b>&lt;i&gt;"),
        RenderCase("{{ s ~ s }}", ["s": "<"], "&lt;&lt;"),
        RenderCase("{{ 'Grüße, ünd Ärger' }}", [:], "Grüße, ünd Ärger"),
        RenderCase("{{ d }}", ["d": .date(midsummer)], "2022-06-22T10:15:00+02:00"),
        RenderCase("Plain <b>text</b> & stays", [:], "Plain <b>text</b> & stays"),
    ]

    @Test(arguments: escaping) func escapesUnlessSafe(_ testCase: RenderCase) throws {
        try testCase.check()
    }

    static let layout: [RenderCase] = [
        RenderCase("a{# a comment {{ x }} {% if %} #}b", [:], "ab"),
        RenderCase("a{# one\ntwo #}b", [:], "ab"),
        RenderCase("{% raw %}{{ x }}{% if y %}{# c #}{% endraw %}", [:], "{{ x }}{% if y %}{# c #}"),
        RenderCase("<{%- raw -%}  {{ x }}  {%- endraw -%}>", [:], "<{{ x }}>"),
        RenderCase("a {%raw%} b {%endraw%} c", [:], "a  b  c"),
        RenderCase("a  {%- if true -%}  b  {%- endif -%}  c", [:], "abc"),
        RenderCase("<ul>\n  {%- for x in xs %}\n  <li>{{ x }}</li>\n  {%- endfor %}\n</ul>", ["xs": [1, 2]],
                   "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>"),
        RenderCase("[ {{- x -}} ]", ["x": "v"], "[v]"),
        RenderCase("[ {{- x }} ]", ["x": "v"], "[v ]"),
        RenderCase("a\n  {#- gone -#}\n  b", [:], "ab"),
        RenderCase("{% if true %}\nkeep\n{% endif %}", [:], "\nkeep\n"),
        RenderCase("{{ '}}' }}{{ \"%}\" }}", [:], "}}%}"),
        RenderCase("{%\n  if\n  x\n%}multi-line tag{% endif %}", ["x": true], "multi-line tag"),
        RenderCase("{ not a tag } {x}", [:], "{ not a tag } {x}"),
        RenderCase("", [:], ""),
    ]

    @Test(arguments: layout) func commentsRawAndWhitespaceControl(_ testCase: RenderCase) throws {
        try testCase.check()
    }

    @Test func tokensCarryLinesAndColumns() throws {
        let tokens = Lexer.tokenize("ä\n  {{ x.y }}").output
        #expect(tokens[0].kind == .text("ä\n  ") && tokens[0].span == Span(line: 1, column: 1))
        #expect(tokens[1].kind == .printOpen && tokens[1].span == Span(line: 2, column: 3))
        #expect(tokens[2].kind == .name("x") && tokens[2].span == Span(line: 2, column: 6))
        #expect(tokens[4].kind == .name("y") && tokens[4].span == Span(line: 2, column: 8))
        #expect(tokens[5].kind == .printClose && tokens[5].span == Span(line: 2, column: 10))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let tokens = Lexer.tokenize("Grüße {{ x }}").output
        #expect(tokens[1].span == Span(line: 1, column: 7))
    }
}
