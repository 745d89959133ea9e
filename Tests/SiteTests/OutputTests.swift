import Basics
import Foundation
import Testing
@testable import Site

@Suite struct OutputTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func diskOutputRefusesPathsOutsideTheFolder() throws {
        let sink = DiskOutput(root: try temporaryFolder())
        #expect(throws: OutputError.self) { try sink.write(Data("x".utf8), to: "../escape.html") }
        #expect(throws: OutputError.self) { try sink.write(Data("x".utf8), to: "a/../../escape.html") }
        #expect(throws: OutputError.self) { try sink.write(Data("x".utf8), to: "") }
        try sink.write(Data("ok".utf8), to: "a/b/index.html")
        #expect(FileManager.default.contents(atPath: sink.root.appendingPathComponent("a/b/index.html").path) == Data("ok".utf8))
    }

    @Test func stagedOutputSwapsOnlyOnCommit() throws {
        let parent = try temporaryFolder()
        let target = parent.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: target.appendingPathComponent("index.html"))
        try Data("gone".utf8).write(to: target.appendingPathComponent("deleted.html"))

        let discarded = try StagedOutput(target: target)
        try discarded.sink.write(Data("half".utf8), to: "index.html")
        discarded.discard()
        #expect(FileManager.default.contents(atPath: target.appendingPathComponent("index.html").path) == Data("old".utf8))

        let staged = try StagedOutput(target: target)
        try staged.sink.write(Data("new".utf8), to: "index.html")
        try staged.commit()
        #expect(FileManager.default.contents(atPath: target.appendingPathComponent("index.html").path) == Data("new".utf8))
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("deleted.html").path),
                "files of the previous build do not linger")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["public"])
    }

    @Test func parallelMapKeepsOrder() {
        let input = Array(0..<1000)
        #expect(parallelMap(input, jobs: 4) { $0 * 2 } == input.map { $0 * 2 })
        #expect(parallelMap([Int](), jobs: 4) { $0 }.isEmpty)
    }
}
