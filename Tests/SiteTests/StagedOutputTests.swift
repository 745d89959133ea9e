import Foundation
import Testing
@testable import Site

/// The swap of the staged output and what the next build does after a killed one.
@Suite struct StagedOutputTests {
    private let manager = FileManager.default

    private func temporaryFolder() throws -> URL {
        let url = manager.temporaryDirectory.appendingPathComponent("magbuild-staged-\(UUID().uuidString)")
        try manager.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func folder(_ url: URL, with text: String) throws -> URL {
        try manager.createDirectory(at: url, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url.appendingPathComponent("index.html"))
        return url
    }

    private func text(in folder: URL) -> String? {
        manager.contents(atPath: folder.appendingPathComponent("index.html").path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// On Linux and macOS the two folders trade places in one step: there is no moment without a site.
    @Test func exchangeSwapsTwoFoldersInOneStep() throws {
        let parent = try temporaryFolder()
        let first = try folder(parent.appendingPathComponent("a"), with: "A")
        let second = try folder(parent.appendingPathComponent("b"), with: "B")
        #if os(Linux) || canImport(Darwin)
        #expect(FolderSwap.atomicExchange(first.path, second.path))
        #expect(text(in: first) == "B")
        #expect(text(in: second) == "A")
        #endif
    }

    @Test func exchangeWithAMissingFolderChangesNothing() throws {
        let parent = try temporaryFolder()
        let present = try folder(parent.appendingPathComponent("a"), with: "A")
        #expect(!FolderSwap.atomicExchange(present.path, parent.appendingPathComponent("missing").path))
        #expect(text(in: present) == "A")
    }

    /// A build killed after it moved the previous output aside (the two-step swap) left
    /// no target: the next build puts the previous output back before it starts.
    @Test func nextBuildRestoresOutputMovedAsideByAKilledBuild() throws {
        let parent = try temporaryFolder()
        let target = parent.appendingPathComponent("public")
        _ = try folder(FolderSwap.aside(of: target), with: "previous")
        _ = try folder(parent.appendingPathComponent(".public.magbuild-new"), with: "half")

        let staged = try StagedOutput(target: target)
        #expect(text(in: target) == "previous")
        #expect(try manager.contentsOfDirectory(atPath: staged.staging.path).isEmpty)
        staged.discard()
        #expect(try manager.contentsOfDirectory(atPath: parent.path) == ["public"])
    }

    /// A build killed while deleting the previous output left it beside the new one.
    @Test func nextBuildRemovesLeftoversBesideACompleteOutput() throws {
        let parent = try temporaryFolder()
        let target = try folder(parent.appendingPathComponent("public"), with: "current")
        _ = try folder(FolderSwap.aside(of: target), with: "previous")

        let staged = try StagedOutput(target: target)
        try staged.sink.write(Data("new".utf8), to: "index.html")
        try staged.commit()
        #expect(text(in: target) == "new")
        #expect(try manager.contentsOfDirectory(atPath: parent.path) == ["public"])
    }

    @Test func firstBuildMovesTheStagingFolderIntoPlace() throws {
        let parent = try temporaryFolder()
        let target = parent.appendingPathComponent("site/public")
        let staged = try StagedOutput(target: target)
        try staged.sink.write(Data("first".utf8), to: "index.html")
        try staged.commit()
        #expect(text(in: target) == "first")
        #expect(try manager.contentsOfDirectory(atPath: target.deletingLastPathComponent().path) == ["public"])
    }
}
