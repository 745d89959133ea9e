import Basics
import Testing
@testable import Templates

/// Every filter, with plain, safe and edge-case inputs.
@Suite struct FilterTests {
    static let authors: Value = [["name": "Holger Beispiel", "url": "/autoren/holger/"], ["name": "Anna Muster", "url": "/autoren/anna/"]]
    static let teasers: Value = [
        ["title": "beta", "rank": 2, "date": .date(midsummer)],
        ["title": "Alpha", "rank": 3, "date": .date(marchNight)],
        ["title": "gamma", "rank": 1, "date": .date(newYear)],
    ]

    static let text: [RenderCase] = [
        RenderCase("{{ 'Grüße' | lower }} {{ 'grüße' | upper }}", [:], "grüße GRÜSSE"),
        RenderCase("{{ h | upper }}", ["h": .safe("<i>x</i>")], "<I>X</I>"),
        RenderCase("{{ 'hELLO wORLD' | capitalize }} {{ '' | capitalize }}|", [:], "Hello world |"),
        RenderCase("[{{ '  padded \\n' | trim }}]", [:], "[padded]"),
        RenderCase("{{ 'a-b-c' | replace('-', ' & ') }}", [:], "a &amp; b &amp; c"),
        RenderCase("{{ 'one two three' | wordcount }} {{ h | wordcount }}", ["h": .safe("<p>eins <b>zwei</b></p>")], "3 2"),
        RenderCase("{{ 'Kurz' | truncate(10) }}", [:], "Kurz"),
        RenderCase("{{ 'Das Ende einer Freundschaft' | truncate(16) }}", [:], "Das Ende einer…"),
        RenderCase("{{ 'Donaudampfschifffahrt' | truncate(5) }}", [:], "Donau…"),
        RenderCase("{{ 'Eins, zwei, drei' | truncate(11) }}", [:], "Eins, zwei…"),
        RenderCase("{{ 'Eins zwei drei' | truncate(9, ' [mehr]') }}", [:], "Eins zwei [mehr]"),
        RenderCase("{{ h | truncate(12) }}", ["h": .safe("<p>Fish &amp; <b>chips</b> are great</p>")], "Fish &amp; chips…"),
        RenderCase("{{ h | striptags }}", ["h": .safe("<p>A&nbsp;<b>bold</b>\n\n<!-- c -->move &#8211; &#x41;&quot;</p>")],
                   "A\u{A0}bold move – A&quot;"),
        RenderCase("{{ s | striptags }}", ["s": "x < y and <em>z</em>"], "x &lt; y and z"),
        RenderCase("{{ 'a b&c/ä?' | urlencode }}", [:], "a%20b%26c/%C3%A4%3F"),
        RenderCase("{{ q | urlencode }}", ["q": ["text": "a b", "url": "https://x/y"]], "text=a%20b&amp;url=https%3A%2F%2Fx%2Fy"),
        RenderCase("{{ 'Über Größe & Maß' | slugify }}", [:], "ueber-groesse-mass"),
        RenderCase("{{ 'Äpfel, Öl und Übermut!' | slugify }}", [:], "aepfel-oel-und-uebermut"),
        RenderCase("{{ '  Café crème -- 2022 ' | slugify }}", [:], "cafe-creme-2022"),
        RenderCase("{{ 'Spahns Spitzwege' | slugify }}", [:], "spahns-spitzwege"),
        // The URL slug of tag and author pages (Slug.make): apostrophes vanish, other scripts stay.
        RenderCase("{{ \"Spahn's Spitzwege\" | slugify }}", [:], "spahns-spitzwege"),
        RenderCase("{{ 'Владимир Путин' | slugify }} {{ '東京' | slugify }}", [:], "владимир-путин 東京"),
        RenderCase("{{ '/politik/foo/' | absolute_url }} {{ 'bar/' | absolute_url }}", [:],
                   "https://magazin.example/politik/foo/ https://magazin.example/bar/"),
        RenderCase("{{ 'https://other.example/x' | absolute_url }} {{ '//cdn.example/y' | absolute_url }}", [:],
                   "https://other.example/x //cdn.example/y"),
    ]

    @Test(arguments: text) func textFilters(_ testCase: RenderCase) throws {
        try testCase.check()
    }

    static let collections: [RenderCase] = [
        RenderCase("{{ missing | default('x') }} {{ n | default('null') }} {{ '' | default('empty') }}|{{ '' | default('e', true) }}",
                   ["n": nil], "x null |e"),
        RenderCase("{{ page.image.src | default('/logo.png') }}", ["page": ["image": nil]], "/logo.png"),
        RenderCase("{{ page.nope | default('d') }} {{ 0 | default(5) }} {{ 0 | default(5, true) }}", ["page": [:]], "d 0 5"),
        RenderCase("{{ 'Grüße' | length }} {{ xs | length }} {{ d | length }} {{ h | length }}",
                   ["xs": [1, 2], "d": ["a": 1], "h": .safe("ab")], "5 2 1 2"),
        RenderCase("{{ xs | first }} {{ xs | last }} {{ 'abc' | first }} {{ 'abc' | last }} {{ [] | first }}|", ["xs": [1, 2, 3]],
                   "1 3 a c |"),
        RenderCase("{{ xs | reverse | join(',') }} {{ 'abc' | reverse }}", ["xs": [1, 2, 3]], "3,2,1 cba"),
        RenderCase("{{ xs | join }} {{ xs | join(', ') }}", ["xs": ["a", 1, 2.5]], "a12.5 a, 1, 2.5"),
        RenderCase("{{ authors | join(', ', 'name') }}", ["authors": authors], "Holger Beispiel, Anna Muster"),
        RenderCase("{{ authors | map('name') | join(' & ') }}", ["authors": authors], "Holger Beispiel &amp; Anna Muster"),
        RenderCase("{{ xs | join(' & ') }}", ["xs": [.safe("<b>a</b>"), "<c>"]], "<b>a</b> &amp; &lt;c&gt;"),
        RenderCase("{{ [3, 1, 2] | sort | join }} {{ ['b', 'A', 'c'] | sort | join }} {{ [3, 1, 2] | sort(none, true) | join }}",
                   [:], "123 Abc 321"),
        RenderCase("{% for t in teasers | sort('title') %}{{ t.title }} {% endfor %}", ["teasers": teasers], "Alpha beta gamma "),
        RenderCase("{% for t in teasers | sort('rank') %}{{ t.rank }}{% endfor %}", ["teasers": teasers], "123"),
        RenderCase("{% for t in teasers | sort('date', true) %}{{ t.title }} {% endfor %}", ["teasers": teasers],
                   "gamma beta Alpha "),
        RenderCase("{% for x in xs | sort('a.b') %}{{ x.a.b }}{% endfor %}", ["xs": [["a": ["b": 2]], ["a": ["b": 1]]]], "12"),
        RenderCase("{{ [none, 2, 1] | sort | length }}", [:], "3"),
        RenderCase("{{ x | safe }}{{ 5 | safe }}{{ none | safe }}", ["x": "<hr>"], "<hr>5"),
    ]

    @Test(arguments: collections) func collectionFilters(_ testCase: RenderCase) throws {
        try testCase.check()
    }

    static let json: [RenderCase] = [
        RenderCase("{{ v | json }}", ["v": ["b": [1, 2.5, true, nil], "a": "x"]], #"{"a":"x","b":[1,2.5,true,null]}"#),
        RenderCase("{{ s | json }}", ["s": "</script><!-- & 'q' \"d\" \\ \n \u{2028}\u{2029}\u{1}"],
                   #""\u003c/script\u003e\u003c!-- \u0026 \u0027q\u0027 \"d\" \\ \n \u2028\u2029\u0001""#),
        RenderCase("{{ h | json }}", ["h": .safe("<p>")], #""\u003cp\u003e""#),
        RenderCase("{{ d | json }}", ["d": .date(midsummer)], #""2022-06-22T10:15:00+02:00""#),
        RenderCase("{{ v | json(2) }}", ["v": ["a": [1], "b": [:], "c": []]], "{\n  \"a\": [\n    1\n  ],\n  \"b\": {},\n  \"c\": []\n}"),
        RenderCase("{{ 'Grüße' | json }}", [:], #""Grüße""#),
    ]

    @Test(arguments: json) func jsonIsSafeInsideScriptElements(_ testCase: RenderCase) throws {
        try testCase.check()
    }

    @Test func everyFilterIsCovered() {
        let covered = ["date", "truncate", "striptags", "lower", "upper", "default", "length", "join", "urlencode",
                       "slugify", "json", "absolute_url", "first", "last", "reverse", "sort", "safe", "escape", "e",
                       "trim", "replace", "capitalize", "wordcount", "map", "relative_url", "asset_url"]
        #expect(Set(Filters.table.keys) == Set(covered))
    }
}

/// The link filters on a site under a path of its host, and on one at its root.
@Suite struct URLFilterTests {
    private func render(_ template: String, baseURL: String) throws -> String {
        let settings = TemplateSettings(
            language: "de", timeZone: berlin, baseURL: baseURL, assets: ["/js/app.js": "/js/app.0123456789.js"])
        return try TemplateSet(sources: ["t.html": template], settings: settings).render("t.html", context: [:])
    }

    @Test func underAPathEveryLinkStartsWithIt() throws {
        let template = "{{ '/' | relative_url }} {{ 'politik/' | relative_url }} {{ '/js/app.js' | asset_url }} "
            + "{{ '/magazin/a/' | absolute_url }} {{ 'a/' | absolute_url }} {{ 'mailto:a@b.example' | relative_url }}"
        #expect(try render(template, baseURL: "https://verlag.example/magazin/")
            == "/magazin/ /magazin/politik/ /magazin/js/app.0123456789.js "
            + "https://verlag.example/magazin/a/ https://verlag.example/magazin/a/ mailto:a@b.example")
    }

    @Test func atTheRootLinksAreSitePaths() throws {
        #expect(try render("{{ '/' | relative_url }} {{ 'js/app.js' | asset_url }} {{ '/a/' | absolute_url }}",
                           baseURL: "https://magazin.example/")
            == "/ /js/app.0123456789.js https://magazin.example/a/")
    }

    @Test func anAssetThatIsNotFingerprintedIsAnError() {
        let message = failure(["t.html": "<link href=\"{{ 'css/missing.css' | asset_url }}\">"])
        #expect(message.contains("t.html:1:"), "\(message)")
        #expect(message.contains("'asset_url' knows no CSS or JavaScript file static/css/missing.css"), "\(message)")
        #expect(message.contains("relative_url"), "\(message)")
    }
}

/// A template that builds a tag URL with `slugify` links to the page the build made for the tag.
@Suite struct SlugifyMatchesURLSlugs {
    @Test(arguments: ["Spahn's Plan", "Wladimir Putin", "Владимир Путин", "東京", "Ärger – „Öl“", "d'Alembert", "???"])
    func slugifyIsTheURLSlug(name: String) throws {
        #expect(try render("{{ n | slugify }}", ["n": .string(name)]) == Escaping.html(Slug.make(name)))
    }
}
