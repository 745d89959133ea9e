import Diagnostics
import Foundation
import Testing
@testable import CommentImport
@testable import Comments

@Suite struct IssoAndRemark42Tests {
    static let conformance = ImportSite.fixtures.appendingPathComponent("conformance")

    @Test func issoStatusesThreadsAndVotes() throws {
        let site = try ImportSite()
        let report = try site.run(.isso, export: Self.conformance.appendingPathComponent("isso/export.db"), name: "comments.db")
        #expect(report.statusCounts == [.approved: 5, .pending: 1, .trash: 1])
        let byID = Dictionary(uniqueKeysWithValues: try site.comments("content/politik/kasachstan/comments.json").map { ($0.id, $0) })
        #expect(byID["1"]?.rating == 4 && byID["2"]?.rating == -2)
        #expect(byID["2"]?.parent == "1" && byID["5"]?.parent == "4")
        #expect(byID["1"].map { CommentDate.string(from: $0.date) } == "2022-06-24T08:12:00.250Z")
        #expect(!site.allContent().contains("leser.example") && !site.allContent().contains("203.0.113"))
    }

    @Test func aFileThatIsNoIssoDatabaseIsAnError() throws {
        let site = try ImportSite()
        let url = try site.export("<rss/>")
        #expect(try site.failure(.isso, url)?.contains("not an Isso database") == true)
    }

    @Test func remark42ReadsPlainBackupsToo() throws {
        let site = try ImportSite()
        let plain = Self.conformance.appendingPathComponent("remark42/source.jsonl")
        let report = try site.run(.remark42, export: plain, name: "backup.jsonl")
        #expect(report.comments == 4 && report.skippedCount == 1)
        let gzipped = try ImportSite()
        _ = try gzipped.run(.remark42, export: Self.conformance.appendingPathComponent("remark42/export.gz"), name: "backup.gz")
        #expect(site.allContent() == gzipped.allContent())
    }

    @Test func aFileThatIsNoRemark42BackupIsAnError() throws {
        let site = try ImportSite()
        let url = try site.export("<rss/>\n")
        #expect(try site.failure(.remark42, url) == "bad.xml:1:1: error: not a Remark42 backup: the first line is not JSON")
    }

    @Test func aCutOffGzipIsAnErrorNotASilentEnd() throws {
        let site = try ImportSite()
        let whole = try Data(contentsOf: Self.conformance.appendingPathComponent("remark42/export.gz"))
        let url = site.root.appendingPathComponent("cut.gz")
        try whole.prefix(whole.count - 12).write(to: url)
        #expect(try site.failure(.remark42, url)?.contains("cannot be read to its end") == true)
    }

    @Test(arguments: [(ExportFormat.isso, "isso/export.db"), (.remark42, "remark42/export.gz")])
    func importingTwiceChangesNothing(_ format: ExportFormat, _ export: String) throws {
        let site = try ImportSite()
        let url = Self.conformance.appendingPathComponent(export)
        let first = try site.run(format, export: url, name: export)
        let written = site.allContent()
        let second = try site.run(format, export: url, name: export)
        #expect(first.articles.contains(where: \.changed) && !second.articles.contains(where: \.changed))
        #expect(site.allContent() == written)
        #expect(second.articles.allSatisfy { $0.added == 0 })
    }
}
