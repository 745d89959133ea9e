import Diagnostics
import Foundation
import Testing
@testable import CommentImport
@testable import Comments

@Suite struct DisqusImportTests {
    @Test func postsJoinThreadsAndThreadsOfOneArticleMerge() throws {
        let site = try ImportSite()
        let report = try site.run(.disqus, "disqus.xml")
        let comments = try site.comments("content/politik/kasachstan/comments.json")
        #expect(comments.map(\.id) == ["7001", "7002", "7003", "7004", "7005", "7009"])
        let byID = Dictionary(uniqueKeysWithValues: comments.map { ($0.id, $0) })
        #expect(byID["7002"]?.parent == "7001")
        #expect(byID["7005"]?.parent == "7002")
        #expect(byID["7003"]?.status == .spam)
        #expect(byID["7004"]?.status == .trash)
        #expect(byID["7009"]?.author == "Frieda Früh", "a post before its thread")
        #expect(byID["7001"]?.text == "Erster Beitrag mit \"Zitat\".\n\n> Zitiert\n>\n> > doppelt zitiert\n\nDanach.")
        #expect(byID["7002"]?.text == "Antwort https://beleg.example/x")
        #expect(byID["7005"]?.text == "Harmlos?\n\nLink")
        #expect(byID["7005"]?.author == "<img src=x onerror=alert(1)>", "kept as text; the build escapes it")
        #expect(try site.comments("content/kultur/theater.comments.json").map(\.id) == ["7101"])
        #expect(report.unmatched == [.init(link: "https://magazin.example/2018/nicht-mehr-da/", comments: 1)], "empty threads are not listed")
    }

    @Test func emailsAndAddressesAreNeverWritten() throws {
        let site = try ImportSite()
        _ = try site.run(.disqus, "disqus.xml")
        let written = site.allContent()
        for secret in ["@leser.example", "@boese.example", "@spam.example", "@magazin.example", "203.0.113", "198.51.100", "192.0.2"] {
            #expect(!written.contains(secret), "\(secret) leaked")
        }
    }

    @Test func reimportIsByteIdentical() throws {
        let site = try ImportSite()
        _ = try site.run(.disqus, "disqus.xml")
        let bytes = site.data("content/politik/kasachstan/comments.json")
        let again = try site.run(.disqus, "disqus.xml")
        #expect(site.data("content/politik/kasachstan/comments.json") == bytes)
        #expect(again.articles.allSatisfy { !$0.changed })
    }

    @Test func sameDiscussionFromBothSystemsThreadsTheSame() throws {
        let wordpress = try ImportSite(), disqus = try ImportSite()
        _ = try wordpress.run(.wordpress, "same-wordpress.xml")
        _ = try disqus.run(.disqus, "same-disqus.xml")
        let file = "content/politik/kasachstan/comments.json"
        let a = CommentThreading.section(from: try wordpress.comments(file), options: ThreadingOptions(maxDepth: 2))
        let b = CommentThreading.section(from: try disqus.comments(file), options: ThreadingOptions(maxDepth: 2))
        func shape(_ section: CommentSection) -> [String] {
            section.allNodes.map { "\($0.depth) \($0.comment.author) \($0.replyTo ?? "-") \($0.comment.date) \($0.html)" }
        }
        #expect(a.count == 6)
        #expect(shape(a) == shape(b))
    }

    @Test func wrongKindOfExport() throws {
        let site = try ImportSite()
        #expect(throws: DiagnosticList.self) { try site.run(.disqus, "wordpress.xml") }
    }
}
