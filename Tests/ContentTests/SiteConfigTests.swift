import Diagnostics
import Foundation
import Testing
@testable import Content

@Suite struct SiteConfigTests {
    @Test func fullConfig() {
        let yaml = """
            title: "Das Beispiel-Magazin"
            baseURL: "https://magazin.example"
            language: en
            timezone: America/New_York
            paginate: 12
            paths:
              tags: themen
              authors: /leute/
              columns: serien
            comments:
              order: best
              maxDepth: 5
              collapseAfter: 0
              notice: "Bitte freundlich bleiben."
            """
        let (config, diagnostics) = SiteConfig.parse(yaml: yaml)
        #expect(diagnostics.isEmpty)
        #expect(config.title == "Das Beispiel-Magazin")
        #expect(config.baseURL == "https://magazin.example/")
        #expect(config.language == "en")
        #expect(config.timeZone.identifier == "America/New_York")
        #expect(config.paginate == 12)
        #expect(config.paths.tags == "themen")
        #expect(config.paths.authors == "leute")
        #expect(config.paths.columns == "serien")
        #expect(config.comments.order == .best)
        #expect(config.comments.maxDepth == 5)
        #expect(config.comments.collapseAfter == 0)
        #expect(config.comments.notice == "Bitte freundlich bleiben.")
    }

    @Test func defaultsForMissingKeys() {
        for yaml in ["", "title: Nur ein Titel", "paths:\ncomments: ~"] {
            let (config, diagnostics) = SiteConfig.parse(yaml: yaml)
            #expect(diagnostics.isEmpty)
            var expected = SiteConfig()
            if yaml.hasPrefix("title") { expected.title = "Nur ein Titel" }
            #expect(config == expected)
        }
        let defaults = SiteConfig()
        #expect(defaults.baseURL.hasSuffix("/"))
        #expect(defaults.timeZone.identifier == "Europe/Berlin")
        #expect(defaults.paginate == 20)
        #expect(defaults.paths.authors == "autoren")
        #expect(defaults.comments.order == .oldest)
    }

    @Test func baseURLIsNormalised() {
        #expect(SiteConfig.normalizedBaseURL("https://magazin.example") == "https://magazin.example/")
        #expect(SiteConfig.normalizedBaseURL("https://magazin.example/mag") == "https://magazin.example/mag/")
        #expect(SiteConfig.normalizedBaseURL("http://localhost:8000/") == "http://localhost:8000/")
        #expect(SiteConfig.normalizedBaseURL("magazin.example") == nil)
        #expect(SiteConfig.normalizedBaseURL("ftp://magazin.example/") == nil)
        #expect(SiteConfig.normalizedBaseURL("/relative/") == nil)
    }

    @Test func wrongValuesAreErrorsAtTheirPosition() {
        let yaml = """
            title: [Nicht, so]
            baseURL: magazin.example
            timezone: Europe/Berln
            paginate: 0
            comments:
              order: beste
              maxDepth: drei
            """
        let (config, diagnostics) = SiteConfig.parse(yaml: yaml)
        #expect(diagnostics.map(\.description) == [
            "site.yml:1:8: error: 'title' must be text, not a list",
            "site.yml:2:10: error: 'baseURL' must be an absolute http(s) URL, not \"magazin.example\" (e.g. https://magazin.example/)",
            "site.yml:3:11: error: 'timezone' is not a known time zone: \"Europe/Berln\" (did you mean 'Europe/Berlin'?)",
            "site.yml:4:11: error: 'paginate' must be at least 1, not 0",
            "site.yml:6:10: error: 'comments.order' must be one of oldest, newest, best, not \"beste\" (did you mean 'best'?)",
            "site.yml:7:13: error: 'comments.maxDepth' must be a whole number, not \"drei\"",
        ])
        // Broken values leave the defaults in place.
        #expect(config.paginate == 20)
        #expect(config.comments.order == .oldest)
        #expect(diagnostics.first?.sourceLine == "title: [Nicht, so]")
    }

    @Test func unknownKeysAreWarningsWithSuggestions() {
        let yaml = "titel: Magazin\nbaseUrl: https://magazin.example/\npaths:\n  tag: themen\nfarbe: blau\n"
        let (config, diagnostics) = SiteConfig.parse(yaml: yaml)
        #expect(diagnostics.map(\.description) == [
            "site.yml:1:1: warning: unknown key 'titel' (did you mean 'title'?)",
            "site.yml:2:1: warning: unknown key 'baseUrl' (did you mean 'baseURL'?)",
            "site.yml:4:3: warning: unknown key 'paths.tag' (did you mean 'paths.tags'?)",
            "site.yml:5:1: warning: unknown key 'farbe'",
        ])
        #expect(config.title == SiteConfig().title)
    }

    @Test func syntaxErrorsNameTheLine() {
        let (_, diagnostics) = SiteConfig.parse(yaml: "title: Magazin\npaths:\n  tags: themen\n   authors: x: y\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.location?.line == 4)
        #expect(diagnostics.first?.message.hasPrefix("invalid YAML") == true)
    }

    @Test func pathsMustDiffer() {
        let (_, diagnostics) = SiteConfig.parse(yaml: "paths:\n  tags: x\n  authors: x\n")
        #expect(diagnostics.map(\.description) == [
            "site.yml:1:1: error: 'paths' must name three different folders (tags, authors and columns each need their own URL folder)",
        ])
    }

    @Test func crlfAndBOM() {
        let (config, diagnostics) = SiteConfig.parse(yaml: "\u{FEFF}title: Magazin\r\npaginate: x\r\n")
        #expect(config.title == "Magazin")
        #expect(diagnostics.map(\.description) == [
            "site.yml:2:11: error: 'paginate' must be a whole number, not \"x\"",
        ])
    }

    @Test func missingSiteYmlIsAnError() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/politik/a.md", TestSite.article())
        let loaded = ContentLoader.load(siteAt: site.root)
        #expect(loaded.hasErrors)
        #expect(loaded.diagnostics.first?.message.hasPrefix("no site.yml") == true)
        #expect(loaded.articles.count == 1)
    }

    @Test func shareTargetsAreAListOfKnownNames() {
        #expect(SiteConfig.parse(yaml: "title: X\n").config.share == SiteConfig.ShareTarget.allCases)
        let chosen = SiteConfig.parse(yaml: "share: [copy, mail]\n")
        #expect(chosen.config.share == [.copy, .mail] && chosen.diagnostics.isEmpty)
        #expect(SiteConfig.parse(yaml: "share: []\n").config.share.isEmpty)
        let typo = SiteConfig.parse(yaml: "share: [mail, whatsap]\n")
        #expect(typo.config.share == [.mail])
        #expect(typo.diagnostics.map(\.description).first?.hasPrefix(
            "site.yml:1:8: error: 'share' has an unknown target \"whatsap\" (did you mean 'whatsapp'?)") == true,
                "\(typo.diagnostics)")
    }

    @Test func searchIsOffUntilSiteYMLTurnsItOn() {
        #expect(!SiteConfig.parse(yaml: "title: X\n").config.search.enabled)
        for yaml in ["search: true\n", "search:\n", "search:\n  page: finden\n"] {
            let parsed = SiteConfig.parse(yaml: yaml)
            #expect(parsed.config.search.enabled && parsed.diagnostics.isEmpty, "\(yaml)")
        }
        #expect(SiteConfig.parse(yaml: "search:\n  page: /finden/\n").config.search.page == "finden")
        #expect(SiteConfig.parse(yaml: "search: true\n").config.search.page == "suche")
        #expect(!SiteConfig.parse(yaml: "search: false\n").config.search.enabled)
        let bad = SiteConfig.parse(yaml: "search:\n  page: Such Seite\n")
        #expect(bad.config.search.page == "suche")
        #expect(bad.diagnostics.map(\.description).first?.hasPrefix(
            "site.yml:2:9: error: 'search.page' must be a URL folder like 'suche'") == true, "\(bad.diagnostics)")
        let typo = SiteConfig.parse(yaml: "search:\n  pgae: suche\n")
        #expect(typo.diagnostics.first?.severity == .warning, "\(typo.diagnostics)")
        #expect(SiteConfig.parse(yaml: "search: vielleicht\n").diagnostics.first?.severity == .error)
    }

    @Test func automaticEmbedRulesAreReadWithTheirPlaces() {
        let parsed = SiteConfig.parse(yaml: "embeds:\n  auto:\n    - {after: 2, teaser: related}\n    - after: 6\n      slot: abo\n")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        #expect(parsed.config.automaticEmbeds.map(\.after) == [2, 6])
        #expect(parsed.config.automaticEmbeds.map(\.content) == [.related, .slot("abo")])
        #expect(parsed.config.automaticEmbeds.last?.location.description == "site.yml:5:13")
        let wrong = SiteConfig.parse(yaml: "embeds:\n  auto:\n    - {after: 0, slot: abo}\n    - {teaser: related}\n    - {after: 1}\n")
        #expect(wrong.config.automaticEmbeds.isEmpty)
        #expect(wrong.diagnostics.count == 3, "\(wrong.diagnostics)")
    }

    @Test func colorsAreHexColours() {
        let parsed = SiteConfig.parse(yaml: "colors:\n  theme: \"#123\"\n  background: rot\n")
        #expect(parsed.config.colors.theme == "#123" && parsed.config.colors.background == "#fbfaf7")
        #expect(parsed.diagnostics.map(\.description).first?.hasPrefix(
            "site.yml:3:15: error: 'colors.background' must be a colour like \"#a3142a\", not \"rot\"") == true, "\(parsed.diagnostics)")
    }
}
