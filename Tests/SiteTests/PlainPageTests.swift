import Diagnostics
import Foundation
import Testing
@testable import Site

/// Plain pages from `pages/`: rendered with `page.html`, linked from menus, in the sitemap
/// unless `noindex`, never in listings or feeds; bad pages and URL collisions are errors.
@Suite struct PlainPageTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    static let template = """
        {% extends "base.html" %}{% block content %}<h1>{{ page.title }}</h1>{% if page.noindex %}<meta name="robots" content="noindex">{% endif %}
        {{ page.content }}<ul>{% for m in site.menus.footer %}<li><a href="{{ m.url }}">{{ m.name }}</a></li>{% endfor %}</ul>{% endblock %}

        """

    /// The fixture with `page.html` and the given files under `pages/`.
    private func workspace(_ pages: [String: String], template: Bool = true) throws -> Workspace {
        let site = try Workspace()
        let page = site.site.appendingPathComponent("templates/page.html")
        if template { try Data(Self.template.utf8).write(to: page) } else { try FileManager.default.removeItem(at: page) }
        try site.write(Dictionary(uniqueKeysWithValues: pages.map { ("pages/" + $0.key, $0.value) }))
        return site
    }

    @Test func aPageIsRenderedAndLinkedButNeverListed() throws {
        let site = try workspace([
            "impressum.md": "---\ntitle: Impressum\nmenu: footer\nweight: 2\n---\nVerlag: **Beispiel**.\n",
            "netiquette/index.md": "---\ntitle: Netiquette\nmenu: footer\nweight: 1\n---\n![Regeln](regeln.png)\n",
            "netiquette/regeln.png": "png",
            "hilfe/kontakt.md": "---\ntitle: Kontakt\nnoindex: true\n---\nSchreiben Sie uns.\n",
        ])
        let files = try site.cleanBuild()
        let impressum = Workspace.text(files, "impressum/index.html")
        #expect(impressum.contains("<h1>Impressum</h1>"))
        #expect(impressum.contains("<p>Verlag: <strong>Beispiel</strong>.</p>"))
        #expect(impressum.contains(#"<li><a href="/netiquette/">Netiquette</a></li><li><a href="/impressum/">Impressum</a></li>"#),
                "the footer menu, by weight")
        #expect(Workspace.text(files, "netiquette/index.html").contains(#"src="/netiquette/regeln.png""#))
        #expect(files["netiquette/regeln.png"] == Data("png".utf8), "a page bundle's pictures are published beside it")
        #expect(Workspace.text(files, "hilfe/kontakt/index.html").contains(#"<meta name="robots" content="noindex">"#))
        let sitemap = Workspace.text(files, "sitemap.xml")
        #expect(sitemap.contains("/impressum/</loc>") && sitemap.contains("/netiquette/</loc>"))
        #expect(!sitemap.contains("/hilfe/kontakt/"), "noindex pages stay out of the sitemap")
        for feed in ["atom.xml", "politik/atom.xml"] { #expect(!Workspace.text(files, feed).contains("impressum"), "\(feed) lists a page") }
        for listing in ["index.html", "politik/index.html", "tags/index.html"] {
            #expect(!Workspace.text(files, listing).contains(#"<div class="teaser"><a href="/impressum/">"#), "\(listing) lists a page")
        }
    }

    @Test func aPageWithoutTitleIsAnErrorAtItsFrontMatter() throws {
        let site = try workspace(["abo.md": "---\ndescription: Abo\nmenü: footer\n---\nText\n"])
        let message = site.buildFailure()
        #expect(message.contains("pages/abo.md:1:1: error: missing required key 'title'"), "\(message)")
        #expect(message.contains("pages/abo.md:3:1: warning: unknown key 'menü'"), "\(message)")
    }

    @Test func anUnknownMenuIsAnErrorWithASuggestion() throws {
        let message = (try workspace(["abo.md": "---\ntitle: Abo\nmenu: fooder\n---\n"])).buildFailure()
        #expect(message.contains("pages/abo.md:3:7: error: 'menu' must be one of header, footer, not \"fooder\" (did you mean 'footer'?)"),
                "\(message)")
    }

    @Test func aPageOnAnotherPagesURLIsAnErrorNamingBoth() throws {
        let section = (try workspace(["politik.md": "---\ntitle: Politik\n---\n"])).buildFailure()
        #expect(section.contains("pages/politik.md:1:1: error: the page's URL /politik/ is also the URL of the section page 'Politik'"), "\(section)")
        let article = (try workspace(["politik/erste-meldung.md": "---\ntitle: X\n---\n"])).buildFailure()
        #expect(article.contains("pages/politik/erste-meldung.md:1:1: error: the page's URL /politik/erste-meldung/ is also the URL of the article content/politik/erste-meldung/index.md"),
                "\(article)")
        let twice = (try workspace(["abo.md": "---\ntitle: A\n---\n", "abo/index.md": "---\ntitle: B\n---\n"])).buildFailure()
        #expect(twice.contains("the page's URL /abo/ is also the URL of pages/abo"), "\(twice)")
        let home = (try workspace(["index.md": "---\ntitle: Start\n---\n"])).buildFailure()
        #expect(home.contains("pages/index.md:1:1: error: a page needs a folder or file name of its own"), "\(home)")
    }

    @Test func pagesNeedTheThemesPageTemplate() throws {
        let message = (try workspace(["abo.md": "---\ntitle: Abo\n---\n"], template: false)).buildFailure()
        #expect(message.contains("pages/abo.md:1:1: error: the theme has no templates/page.html"), "\(message)")
    }

    @Test func anEditedPageRewritesItselfAndWhatLinksIt() throws {
        let site = try workspace(["impressum.md": "---\ntitle: Impressum\n---\nAlt\n", "abo.md": "---\ntitle: Abo\nmenu: footer\n---\n"])
        try site.build()
        try site.build()
        var before = site.stamps()
        try site.edit("pages/impressum.md") { $0.replacingOccurrences(of: "Alt", with: "Neu") }
        #expect(try site.build().written == 1)
        #expect(site.touched(since: before) == ["impressum/index.html"])
        #expect(site.outputFiles() == (try site.cleanBuild()))
        before = site.stamps()
        try site.edit("pages/impressum.md") { $0.replacingOccurrences(of: "title: Impressum", with: "title: Impressum\nmenu: footer") }
        try site.build()
        // Every page shows the footer menu; the feeds and the sitemap do not.
        let touched = site.touched(since: before)
        #expect(touched.contains("politik/erste-meldung/index.html") && touched.contains("abo/index.html"))
        #expect(!touched.contains("atom.xml") && !touched.contains("sitemap.xml"))
        #expect(site.outputFiles() == (try site.cleanBuild()))
    }
}
