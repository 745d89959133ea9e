import Foundation
import Testing
@testable import Site

@Suite struct FilePathsTests {
    private func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-paths-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func normalizedDropsEmptyPartsAndRefusesDots() {
        #expect(FilePaths.normalized("a/b/index.html") == "a/b/index.html")
        #expect(FilePaths.normalized("/a//b/") == "a/b")
        #expect(FilePaths.normalized("a/./b") == nil)
        #expect(FilePaths.normalized("a/../b") == nil)
        #expect(FilePaths.normalized("//") == nil)
        #expect(FilePaths.normalized("") == nil)
        #expect(FilePaths.normalized("a/..b/.c") == "a/..b/.c")
    }

    /// An open folder finds the files in it by relative path, and nothing outside it.
    @Test func anOpenFolderFindsItsFilesAndNothingOutside() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/innen/politik", withIntermediateDirectories: true)
        try Data("a".utf8).write(to: URL(fileURLWithPath: root + "/innen/politik/index.html"))
        try Data("b".utf8).write(to: URL(fileURLWithPath: root + "/aussen.html"))
        let folder = try #require(FilePaths.Folder(root + "/innen"))
        #expect(folder.contains("politik/index.html"))
        #expect(!folder.contains("politik/fehlt.html"))
        #expect(!folder.contains("../aussen.html") && !folder.contains("/aussen.html") && !folder.contains(""))
        #expect(FilePaths.Folder(root + "/fehlt") == nil)
    }

    @Test func copyMakesAnIndependentFileWithTheSameBytes() throws {
        let folder = try temporaryFolder()
        let bytes = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try bytes.write(to: URL(fileURLWithPath: folder + "/source.jpg"))
        try Data("longer old contents that must not survive".utf8).write(to: URL(fileURLWithPath: folder + "/copy.jpg"))
        try FilePaths.copy(folder + "/source.jpg", to: folder + "/copy.jpg")
        #expect(FileManager.default.contents(atPath: folder + "/copy.jpg") == bytes)
        try Data("changed".utf8).write(to: URL(fileURLWithPath: folder + "/source.jpg"))
        #expect(FileManager.default.contents(atPath: folder + "/copy.jpg") == bytes, "a copy, not a link")
        #expect(throws: OutputError.self) { try FilePaths.copy(folder + "/missing.jpg", to: folder + "/x.jpg") }
    }

    @Test func comparesContentsBySizeThenBytes() throws {
        let folder = try temporaryFolder()
        try Data("abc".utf8).write(to: URL(fileURLWithPath: folder + "/a"))
        try Data("abd".utf8).write(to: URL(fileURLWithPath: folder + "/b"))
        try Data("abc".utf8).write(to: URL(fileURLWithPath: folder + "/c"))
        #expect(FilePaths.hasContents(folder + "/a", equalTo: Data("abc".utf8)))
        #expect(!FilePaths.hasContents(folder + "/a", equalTo: Data("abd".utf8)))
        #expect(!FilePaths.hasContents(folder + "/a", equalTo: Data("abcd".utf8)))
        #expect(!FilePaths.hasContents(folder + "/missing", equalTo: Data()))
        #expect(!FilePaths.hasContents(folder, equalTo: Data()), "a folder is no file")
        #expect(FilePaths.sameContents(folder + "/a", folder + "/c"))
        #expect(!FilePaths.sameContents(folder + "/a", folder + "/b"))
        #expect(!FilePaths.sameContents(folder + "/a", folder + "/missing"))
    }
}
