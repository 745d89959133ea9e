import Diagnostics
import Foundation
import Testing
@testable import CommentImport
@testable import Comments

@Suite struct WordPressImportTests {
    @Test func importsEveryStatusAndSkipsPings() throws {
        let site = try ImportSite()
        let report = try site.run(.wordpress, "wordpress.xml")
        #expect(report.skippedPings == 2)
        #expect(report.statusCounts == [.approved: 14, .pending: 1, .spam: 1, .trash: 2])
        let byID = Dictionary(uniqueKeysWithValues: try site.comments("content/politik/kasachstan/comments.json").map { ($0.id, $0) })
        #expect(byID.count == 14)
        #expect(byID["1003"]?.status == .pending)
        #expect(byID["1004"]?.status == .spam)
        #expect(byID["1005"]?.status == .trash)
        #expect(byID["1006"]?.status == .trash)
        #expect(byID["1007"] == nil && byID["1008"] == nil, "pingback and trackback")
        #expect(byID["4001"] == nil, "comments on attachments")
    }

    @Test func fieldsAreConverted() throws {
        let site = try ImportSite()
        _ = try site.run(.wordpress, "wordpress.xml")
        let byID = Dictionary(uniqueKeysWithValues: try site.comments("content/politik/kasachstan/comments.json").map { ($0.id, $0) })
        let first = try #require(byID["1001"])
        #expect(first.author == "Thorsten Leser")
        #expect(CommentDate.string(from: first.date) == "2022-06-23T08:12:00Z", "comment_date_gmt is UTC")
        #expect(first.rating == 14, "wpdiscuz_votes")
        #expect(first.parent == nil)
        #expect(first.text == "Erster Absatz & mehr.\n\nZweiter Absatz\nmit Zeilenumbruch.\n\n> Zitat aus dem Artikel\n\nQuelle: die Studie (https://quelle.example/studie)")
        #expect(byID["1002"]?.parent == "1001")
        #expect(byID["1002"]?.rating == -3)
        #expect(byID["1002"]?.text == "Text mit ]]> drin und <![CDATA[ als Text.", "CDATA split around ]]>")
        #expect(byID["1020"]?.author == "Mallory & Co")
        #expect(byID["1020"]?.text == "Bild klick fett <script>alert(5)</script> <em> zwei https://gut.example/a?b=1&c=2")
        // No GMT date: the local date in the site's zone (Berlin, summer time).
        #expect(byID["1022"].map { CommentDate.string(from: $0.date) } == "2022-06-25T12:00:00Z")
    }

    @Test func matchesByLinkThenSlugAndReportsTheRest() throws {
        let site = try ImportSite()
        let report = try site.run(.wordpress, "wordpress.xml")
        #expect(report.articles.map(\.file) == [
            "content/kultur/theater.comments.json", "content/politik/kasachstan/comments.json",
            "content/wirtschaft/inflation/comments.json",
        ])
        #expect(try site.comments("content/kultur/theater.comments.json").map(\.text) == ["Schöne Bühne.\n\nZweiter Absatz aus einer Leerzeile."])
        #expect(report.unmatched == [.init(link: "https://magazin.example/2019/geloescht/", comments: 2)])
        #expect(report.summary.contains("1 thread with 2 comments matched no article"))
    }

    @Test func emailsAndAddressesAreNeverWritten() throws {
        let site = try ImportSite()
        _ = try site.run(.wordpress, "wordpress.xml")
        _ = try site.run(.wordpress, "wordpress-1.0.xml")
        let written = site.allContent()
        #expect(!written.isEmpty)
        for secret in ["@leser.example", "@boese.example", "203.0.113", "198.51.100", "192.0.2", "thorsten.example"] {
            #expect(!written.contains(secret), "\(secret) leaked")
        }
    }

    @Test func reimportIsIdempotentAndMergesWithExistingComments() throws {
        let site = try ImportSite()
        let existing = Comments.Comment(id: "hand-1", author: "Redaktion", date: Date(timeIntervalSince1970: 1_648_814_400), text: "Von Hand.", rating: 3)
        try CommentFile.encode([existing]).write(to: site.root.appendingPathComponent("content/wirtschaft/inflation/comments.json"))
        let first = try site.run(.wordpress, "wordpress.xml")
        let bytes = site.data("content/politik/kasachstan/comments.json")
        let second = try site.run(.wordpress, "wordpress.xml")
        #expect(site.data("content/politik/kasachstan/comments.json") == bytes)
        #expect(first.articles.allSatisfy { $0.changed })
        #expect(second.articles.allSatisfy { !$0.changed && $0.added == 0 && $0.updated == 0 })
        #expect(try site.comments("content/wirtschaft/inflation/comments.json").map(\.id) == ["hand-1", "5001"])
    }

    @Test func dryRunWritesNothing() throws {
        let site = try ImportSite()
        let report = try site.run(.wordpress, "wordpress.xml", dryRun: true)
        #expect(report.articles.count == 3 && report.articles.allSatisfy { $0.changed })
        #expect(site.allContent().isEmpty)
        #expect(report.summary.hasPrefix("dry run: would import 18 comments"))
    }

    @Test func wxrOneZeroWithoutCDATA() throws {
        let site = try ImportSite()
        _ = try site.run(.wordpress, "wordpress-1.0.xml")
        let comments = try site.comments("content/kultur/theater.comments.json")
        #expect(comments.map(\.text) == ["Aus dem Jahr 2009 & ohne CDATA."])
        #expect(comments.map { CommentDate.string(from: $0.date) } == ["2009-03-01T11:00:00Z"])
    }

    @Test func brokenExistingFileStopsEveryWrite() throws {
        let site = try ImportSite()
        try Data("{\"comments\": [".utf8).write(to: site.root.appendingPathComponent("content/wirtschaft/inflation/comments.json"))
        #expect(throws: DiagnosticList.self) { try site.run(.wordpress, "wordpress.xml") }
        #expect(site.data("content/politik/kasachstan/comments.json") == nil)
    }

    @Test func malformedXMLIsReportedAtItsPosition() throws {
        let site = try ImportSite()
        let url = try site.export("<rss xmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>\n<item></channel>\n</rss>\n")
        do {
            _ = try site.run(.wordpress, export: url, name: "bad.xml")
            Issue.record("expected an error")
        } catch let list as DiagnosticList {
            let description = list.diagnostics.first?.description ?? ""
            #expect(description.hasPrefix("bad.xml:"), "\(description)")
            #expect(description.contains("end tag does not match"), "\(description)")
        }
    }

    @Test func wrongKindOfExport() throws {
        let site = try ImportSite()
        do {
            _ = try site.run(.wordpress, "disqus.xml")
            Issue.record("expected an error")
        } catch let list as DiagnosticList {
            #expect(list.diagnostics.first?.description.contains("not a WordPress export") == true)
        }
    }

    /// A WXR item for the Kasachstan article holding `comments` (XML of `wp:comment` elements).
    static func export(namespace: String = "http://wordpress.org/export/1.2/", _ comments: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:wp="\(namespace)"><channel><wp:wxr_version>1.2</wp:wxr_version>
        <item><link>https://magazin.example/politik/kasachstan/</link><wp:post_id>12</wp:post_id><wp:post_type>post</wp:post_type>
        \(comments)
        </item></channel></rss>
        """
    }

    static let comment = "<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_date_gmt>2022-06-23 08:00:00</wp:comment_date_gmt><wp:comment_content>Text</wp:comment_content></wp:comment>"

    @Test(arguments: [
        "http://wordpress.org/export/1.2/", "https://wordpress.org/export/1.2/", "https://wordpress.org/export/1.1",
        "http://wordpress.org/export/1.0/", "http://www.wordpress.org/export/1.2/", "urn:wordpress-export",
    ])
    func everyNamespaceSpellingReads(_ namespace: String) throws {
        let site = try ImportSite()
        let report = try site.run(.wordpress, export: try site.export(Self.export(namespace: namespace, Self.comment)), name: "x.xml")
        #expect(report.comments == 1, "\(namespace)")
    }

    @Test func exportVersionsFromNamespaces() {
        #expect(WXRReader.exportVersion("https://wordpress.org/export/1.2/") == "1.2")
        #expect(WXRReader.exportVersion("http://wordpress.org/export/1.0") == "1.0")
        #expect(WXRReader.exportVersion("http://wordpress.org/export/1.2/excerpt/") == nil)
        #expect(WXRReader.exportVersion("http://purl.org/rss/1.0/modules/content/") == nil)
    }

    @Test func strictStopsAtTheFirstSkipAndWritesNothing() throws {
        let site = try ImportSite()
        let noID = "<wp:comment><wp:comment_content>ohne Nummer</wp:comment_content></wp:comment>"
        let url = try site.export(Self.export(Self.comment + "\n" + noID))
        let lenient = try site.run(.wordpress, export: url, name: "x.xml", dryRun: true)
        #expect(lenient.comments == 1 && lenient.skipped == [.init(reason: "without wp:comment_id", count: 1)])
        #expect(lenient.summary.contains("1 comment skipped (1 without wp:comment_id)"))
        let failure = try site.failure(.wordpress, url, strict: true)
        #expect(failure?.hasPrefix("bad.xml:5:") == true && failure?.hasSuffix("error: comment without wp:comment_id; skipped") == true, "\(failure ?? "")")
        #expect(site.allContent().isEmpty)
    }

    @Test func anExportWhoseCommentsAllFailIsAnError() throws {
        let site = try ImportSite()
        let url = try site.export(Self.export("<wp:comment><wp:comment_content>a</wp:comment_content></wp:comment>"))
        #expect(try site.failure(.wordpress, url)?.contains("none of the 1 comments in the export could be read") == true)
        #expect(site.allContent().isEmpty)
    }

    @Test func nestedCDATAIsRepairedAndTheBrokenLineIsNamed() throws {
        let site = try ImportSite()
        let nested = "<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_date_gmt>2022-06-23 08:00:00</wp:comment_date_gmt>\n"
            + "<wp:comment_content><![CDATA[ a <![CDATA[ b ]]> c ]]></wp:comment_content></wp:comment>"
        let report = try site.run(.wordpress, export: try site.export(Self.export(nested)), name: "x.xml")
        #expect(report.repairCount == 1 && report.repairs.first?.location?.line == 5)
        #expect(try site.comments("content/politik/kasachstan/comments.json").map(\.text) == ["a b c"])
        // Damage no repair fits is an error where it is, not at the end of the file.
        let broken = try site.export(Self.export("<wp:comment>\n<wp:comment_id>1</wp:comment_idx>\n</wp:comment>\n\n\n"))
        #expect(try site.failure(.wordpress, broken)?.hasPrefix("bad.xml:5:") == true)
    }

    @Test func localTimesNextToTheChangeOfSummerTime() throws {
        let site = try ImportSite()
        func comment(_ id: Int, _ local: String) -> String {
            "<wp:comment><wp:comment_id>\(id)</wp:comment_id><wp:comment_date>\(local)</wp:comment_date><wp:comment_content>x</wp:comment_content></wp:comment>"
        }
        // Berlin: summer time ends at 2022-10-30 03:00 CEST, begins at 2022-03-27 02:00 CET.
        let url = try site.export(Self.export(comment(1, "2022-10-30 01:30:00") + comment(2, "2022-10-30 04:00:00") + comment(3, "2022-03-27 03:30:00")))
        _ = try site.run(.wordpress, export: url, name: "x.xml")
        let dates = try site.comments("content/politik/kasachstan/comments.json").map { "\($0.id) \(CommentDate.string(from: $0.date))" }
        #expect(dates.sorted() == ["1 2022-10-29T23:30:00Z", "2 2022-10-30T03:00:00Z", "3 2022-03-27T01:30:00Z"])
    }
}
