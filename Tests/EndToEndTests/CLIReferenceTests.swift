import Foundation
import Testing

/// `docs/cli.md` names every flag of every command, and nothing else: a flag added to the
/// code without its line in the reference, or documented but gone, fails here.
@Suite struct CLIReferenceTests {
    static let commands = ["init", "build", "serve", "check", "new", "import-comments"]

    /// The long flags `magbuild <command> --help` lists under OPTIONS.
    private func flagsInHelp(of command: String) throws -> Set<String> {
        let help = try E2E.run([command, "--help"]).stdout
        guard let options = help.range(of: "\nOPTIONS:") else { return [] }
        return Self.flags(in: help[options.upperBound...])
    }

    /// The part of the reference under `## magbuild <command>`.
    private func reference(of command: String) throws -> Substring {
        let text = try String(contentsOf: E2E.packageRoot.appendingPathComponent("docs/cli.md"), encoding: .utf8)
        guard let start = text.range(of: "\n## magbuild \(command)\n") else { return "" }
        let rest = text[start.upperBound...]
        return rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
    }

    private static func flags(in text: Substring) -> Set<String> {
        var found = Set<String>()
        var rest = text
        while let range = rest.range(of: "--") {
            let name = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            if let first = name.first, first.isLetter { found.insert("--" + name) }
            rest = rest[range.upperBound...]
        }
        return found.subtracting(["--help", "--version"])
    }

    @Test(arguments: commands) func everyFlagIsInTheReference(_ command: String) throws {
        let inHelp = try flagsInHelp(of: command)
        let documented = Self.flags(in: try reference(of: command))
        #expect(!inHelp.isEmpty && !documented.isEmpty, "no flags found for \(command)")
        #expect(inHelp.subtracting(documented).isEmpty, "not in docs/cli.md: \(inHelp.subtracting(documented).sorted())")
        #expect(documented.subtracting(inHelp).isEmpty, "in docs/cli.md but not in the code: \(documented.subtracting(inHelp).sorted())")
    }

    @Test func everyCommandIsInTheReference() throws {
        let help = try E2E.run(["--help"]).stdout
        guard let start = help.range(of: "SUBCOMMANDS:") else { Issue.record("no subcommands in --help"); return }
        let listed = help[start.upperBound...].split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first, name.first?.isLetter == true else { return nil }
            return String(name)
        }.filter { $0 != "See" }
        #expect(Set(listed) == Set(Self.commands), "\(listed)")
    }
}
