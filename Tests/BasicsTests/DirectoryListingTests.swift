import Foundation
import Testing
@testable import Basics

@Suite struct DirectoryListingTests {
    /// A folder with visible and hidden files, a subfolder and a symbolic link loop.
    func makeTree() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-listing-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("b/c"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        for file in ["a.txt", ".hidden", "b/x.md", "b/c/y.css", ".git/config"] {
            try Data(file.utf8).write(to: root.appendingPathComponent(file))
        }
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("b/c/loop").path, withDestinationPath: "..")
        return root
    }

    @Test func listsVisibleFilesAndFoldersSorted() throws {
        let root = try makeTree()
        let listing = try #require(DirectoryListing(of: root.path))
        #expect(listing.files == ["a.txt"])
        #expect(listing.folders == ["b"])
        #expect(DirectoryListing(of: root.appendingPathComponent("missing").path) == nil)
    }

    /// Names of every length up to the longest a file system allows (255 bytes) come back
    /// whole: each is read in place from its record, never past it.
    @Test func namesOfEveryLengthAreReadWhole() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let names = (1...255).filter { $0 % 7 == 0 || $0 > 250 }.map {
            String(repeating: "ä", count: $0 / 2) + String(repeating: "x", count: $0 % 2)
        }
        for name in names { try Data().write(to: root.appendingPathComponent(name)) }
        let listing = try #require(DirectoryListing(of: root.path))
        #expect(listing.files == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    /// The loop is followed only as deep as ``DirectoryListing/maxDepth``.
    @Test func walksBelowAFolderWithoutHiddenEntriesAndStopsAtLoops() throws {
        let root = try makeTree()
        let files = DirectoryListing.files(below: root.path)
        #expect(files.first == "a.txt")
        #expect(files.contains("b/x.md") && files.contains("b/c/y.css"))
        #expect(!files.contains { $0.hasPrefix(".") || $0.contains("/.") })
        #expect(files.allSatisfy { $0.split(separator: "/").count <= DirectoryListing.maxDepth + 2 })
    }
}

@Suite struct SiteLayoutTests {
    @Test func commentFilesAndInputs() {
        #expect(SiteLayout.commentsFile(ofArticle: "content/politik/a/index.md", bundle: "content/politik/a")
            == "content/politik/a/comments.json")
        #expect(SiteLayout.commentsFile(ofArticle: "content/kultur/b.md", bundle: nil) == "content/kultur/b.comments.json")
        #expect(SiteLayout.isCommentsFile("comments.json") && SiteLayout.isCommentsFile("b.comments.json"))
        #expect(!SiteLayout.isCommentsFile("b.json"))
        #expect(SiteLayout.isInput("site.yml") && SiteLayout.isInput("static/css/x.css"))
        #expect(!SiteLayout.isInput("public/index.html") && !SiteLayout.isInput("contentx/a.md"))
    }
}
