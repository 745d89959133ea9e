import Basics
import Diagnostics
import Foundation
import Testing
@testable import Content

let articleFile = "content/politik/foo/index.md"
let berlin = TimeZone(identifier: "Europe/Berlin") ?? .gmt

func parse(_ text: String) -> FrontMatterParser.Output {
    FrontMatterParser.parse(text: text, file: articleFile, timeZone: berlin)
}

/// Seconds since 1970 of a UTC wall-clock time.
func utcDate(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
    let days = CivilDate.days(year: year, month: month, day: day)
    return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3_600 + minute * 60))
}

@Suite struct FrontMatterTests {
    @Test func everyField() throws {
        let output = parse("""
            ---
            title: "Russland und Kasachstan – das Ende einer Freundschaft"
            teaser: "Ein oder zwei Sätze."
            date: 2022-06-22T10:15:00+02:00
            updated: 2022-06-23
            authors: [Holger Beispiel, "Anna Muster"]
            column: Beispiels Spitzwege
            tags: [Russland, Kasachstan, Russland]
            image:
              src: lead.jpg
              alt: "Was das Bild zeigt"
              caption: "Bildunterschrift"
              credit: "IMAGO / Agentur"
            related: [politik/anderer-artikel, /wirtschaft/noch-einer/]
            comments: closed
            featured: true
            draft: yes
            slug: eigener-name
            aliases: [/alt/url.html]
            ---
            # Überschrift

            Text.
            """)
        #expect(output.diagnostics.isEmpty)
        let fm = try #require(output.frontMatter)
        #expect(fm.title == "Russland und Kasachstan – das Ende einer Freundschaft")
        #expect(fm.teaser == "Ein oder zwei Sätze.")
        #expect(fm.date == utcDate(2022, 6, 22, 8, 15))
        #expect(fm.updated == utcDate(2022, 6, 22, 22))
        #expect(fm.authors == ["Holger Beispiel", "Anna Muster"])
        #expect(fm.column == "Beispiels Spitzwege")
        #expect(fm.tags == ["Russland", "Kasachstan"])
        #expect(fm.image == LeadImage(src: "lead.jpg", alt: "Was das Bild zeigt", caption: "Bildunterschrift",
                                      credit: "IMAGO / Agentur"))
        #expect(fm.related == ["politik/anderer-artikel", "wirtschaft/noch-einer"])
        #expect(fm.comments == .closed)
        #expect(fm.featured)
        #expect(fm.draft)
        #expect(fm.slug == "eigener-name")
        #expect(fm.aliases == ["/alt/url.html"])
        #expect(output.body == "# Überschrift\n\nText.")
        #expect(output.bodyLine == 21)
    }

    @Test func minimalFrontMatterHasDefaults() throws {
        let output = parse("---\ntitle: T\nteaser: D\ndate: 2022-06-22\nauthor: Anna Muster\n---\n")
        #expect(output.diagnostics.isEmpty)
        let fm = try #require(output.frontMatter)
        #expect(fm.authors == ["Anna Muster"])
        #expect(fm.updated == nil && fm.column == nil && fm.image == nil && fm.slug == nil)
        #expect(fm.tags.isEmpty && fm.related.isEmpty && fm.aliases.isEmpty)
        #expect(fm.comments == .open)
        #expect(!fm.featured && !fm.draft)
        #expect(output.body == "")
        #expect(output.bodyLine == 7)
    }

    @Test(arguments: [
        ("date: 2022-06-22T10:15:00+02:00", utcDate(2022, 6, 22, 8, 15)),
        ("date: '2022-06-22T10:15'", utcDate(2022, 6, 22, 8, 15)),
        ("date: 2022-06-22 10:15:00", utcDate(2022, 6, 22, 8, 15)),
        ("date: 2022-01-05", utcDate(2022, 1, 4, 23)),
        ("date: \"2022-06-22T08:15:00Z\"", utcDate(2022, 6, 22, 8, 15)),
    ])
    func dateForms(line: String, expected: Date) {
        let output = parse("---\ntitle: T\nteaser: D\n\(line)\nauthors: [A]\n---\n")
        #expect(output.diagnostics.isEmpty)
        #expect(output.frontMatter?.date == expected)
    }

    @Test func singleValuesCountAsLists() {
        let output = parse("---\ntitle: T\nteaser: D\ndate: 2022-06-22\nauthors: Anna\ntags: Russland\n---\n")
        #expect(output.frontMatter?.authors == ["Anna"])
        #expect(output.frontMatter?.tags == ["Russland"])
    }

    @Test func commentModes() {
        for mode in CommentMode.allCases {
            let output = parse("---\ntitle: T\nteaser: D\ndate: 2022-06-22\nauthors: [A]\ncomments: \(mode.rawValue)\n---\n")
            #expect(output.frontMatter?.comments == mode)
        }
    }

    @Test func emptyOptionalValuesAreAbsent() throws {
        let output = parse("---\ntitle: T\nteaser: D\ndate: 2022-06-22\nauthors: [A]\ncolumn:\ntags:\nimage: ~\n---\n")
        #expect(output.diagnostics.isEmpty)
        let fm = try #require(output.frontMatter)
        #expect(fm.column == nil && fm.tags.isEmpty && fm.image == nil)
    }

    @Test func crlfAndByteOrderMark() throws {
        let text = "\u{FEFF}---\r\ntitle: T\r\nteaser: D\r\ndate: 2022-13-01\r\nauthors: [A]\r\n---\r\nZeile 1\r\nZeile 2\r\n"
        let output = parse(text)
        #expect(output.diagnostics.map(\.description) == [
            "content/politik/foo/index.md:4:7: error: 'date' is not a date: \"2022-13-01\" (use YYYY-MM-DD or 2022-06-22T10:15:00+02:00)",
        ])
        #expect(output.diagnostics.first?.sourceLine == "date: 2022-13-01")
        let fixed = parse(text.replacingOccurrences(of: "2022-13-01", with: "2022-12-01"))
        #expect(fixed.frontMatter?.title == "T")
        #expect(fixed.body == "Zeile 1\nZeile 2\n")
        #expect(fixed.bodyLine == 7)
    }

    @Test func fenceMayHaveTrailingSpaces() {
        let output = parse("--- \ntitle: T\nteaser: D\ndate: 2022-06-22\nauthors: [A]\n---\t\nText")
        #expect(output.diagnostics.isEmpty)
        #expect(output.body == "Text")
    }

    @Test func bodyMayContainRules() {
        let output = parse("---\ntitle: T\nteaser: D\ndate: 2022-06-22\nauthors: [A]\n---\nOben\n\n---\n\nUnten")
        #expect(output.body == "Oben\n\n---\n\nUnten")
    }
}
