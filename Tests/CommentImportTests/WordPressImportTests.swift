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
}
