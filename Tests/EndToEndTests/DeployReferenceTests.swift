import Foundation
import Testing

/// `docs/deploy.md` explains the GitHub workflow step by step: a step added to the workflow
/// without its line there, or a line left for a step that is gone, fails here.
@Suite struct DeployReferenceTests {
    private static func text(_ path: String) throws -> String {
        try String(contentsOf: E2E.packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func everyStepOfTheWorkflowIsExplained() throws {
        let workflow = try Self.text(".github/workflows/site.yml")
        let steps = workflow.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("- name: ") else { return nil }
            return String(trimmed.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces))
        }
        #expect(steps.count >= 8, "\(steps)")
        let reference = try Self.text("docs/deploy.md")
        for step in steps {
            #expect(reference.contains("| *\(step)* |"), "docs/deploy.md does not explain the step '\(step)'")
        }
        let explained = reference.matches(of: /\| \*([^*]+)\* \|/).map { String($0.1) }
        #expect(Set(explained) == Set(steps), "explained but not in the workflow: \(Set(explained).subtracting(steps).sorted())")
    }
}
