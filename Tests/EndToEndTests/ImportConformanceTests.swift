import Foundation
import Testing

/// The import conformance folder (`Tests/Fixtures/imports/conformance/`, see its README):
/// each case is imported into the comments fixture site through the executable and must
/// write exactly its expected comment files and print its expected lines.
@Suite struct ImportConformanceTests {
    static let folder = E2E.packageRoot.appendingPathComponent("Tests/Fixtures/imports/conformance")

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0)/args").path) }.sorted()
    }

    @Test func theFolderHasItsCases() {
        #expect(Self.cases.count >= 7)
    }

    @Test(arguments: cases)
    func importsAsExpected(_ name: String) throws {
        let folder = Self.folder.appendingPathComponent(name)
        let site = try E2E.copyFixture("comments-site")
        if let settings = FileManager.default.contents(atPath: folder.appendingPathComponent("site.yml").path) {
            try settings.write(to: site.appendingPathComponent("site.yml"))
        }
        let before = E2E.snapshot(site)
        let flags = (E2E.read(folder, "args") ?? "").split(separator: "\n").map(String.init)
        let export = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("export.") }, "\(name) has no export")
        let run = try E2E.run(["import-comments"] + flags + ["\(name)/\(export)", "--source", site.path], in: Self.folder)
        let printed = run.stdout + run.stderr

        let status = Int32((E2E.read(folder, "exit-status") ?? "0").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(run.status == status, "\(name): exit \(run.status)\n\(printed)")
        for line in (E2E.read(folder, "expect-output.txt") ?? "").split(separator: "\n") {
            #expect(printed.contains(line), "\(name) should print: \(line)\n--- printed:\n\(printed)")
        }

        let expected = E2E.snapshot(folder.appendingPathComponent("expected"))
        #expect(status != 0 || !expected.isEmpty, "\(name): a case that imports must name what it writes")
        let after = E2E.snapshot(site)
        for (path, data) in after where expected[path] == nil {
            #expect(before[path] == data, "\(name): \(path) changed but is not in expected/")
        }
        for (path, data) in expected {
            #expect(after[path] == data, "\(name): \(path) differs from expected/\(path):\n\(String(decoding: after[path] ?? Data(), as: UTF8.self))")
        }
    }
}
