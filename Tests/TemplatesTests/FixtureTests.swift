import Foundation
import Testing
@testable import Templates

/// Runs every case in `Tests/TemplateFixtures/` and compares the result with its reviewed snapshot
/// `<name>.snap` beside it. With `RECORD_SNAPSHOTS` set the snapshots are written anew;
/// a missing snapshot is written and the test fails, so every new one gets reviewed.
@Suite struct FixtureTests {
    static let isRecording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil

    @Test(arguments: Fixture.names()) func fixture(_ name: String) throws {
        let fixture = try Fixture(named: name)
        let result = fixture.run()
        let snapshot = (result.isError ? "-- diagnostics --\n" : "-- output --\n") + result.text + "\n"
        let file = Fixture.folder.appendingPathComponent(name + ".snap")
        let existing = try? String(contentsOf: file, encoding: .utf8)
        if Self.isRecording || existing == nil {
            try snapshot.write(to: file, atomically: true, encoding: .utf8)
            if existing == nil, !Self.isRecording {
                Issue.record("recorded a new snapshot \(name).snap: review it and run the tests again")
            }
            return
        }
        #expect(existing == snapshot, "\(name): the result differs from \(name).snap")
        // A case named err_… must fail, every other case must render.
        #expect(result.isError == name.hasPrefix("err_"), "\(name): \(result.isError ? "failed" : "rendered")")
    }

    @Test func suiteIsComplete() throws {
        let names = Fixture.names()
        #expect(names.count >= 80, "only \(names.count) fixture cases")
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixture.folder.path)
        let orphans = files.filter { $0.hasSuffix(".snap") && !names.contains(String($0.dropLast(5))) }
        #expect(orphans.isEmpty, "snapshots without a case: \(orphans)")
    }
}
