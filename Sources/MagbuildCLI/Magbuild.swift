import ArgumentParser

/// The `magbuild` command and its subcommands.
public struct Magbuild: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "magbuild",
        abstract: "Builds an online magazine's static site from Markdown articles and comment exports.",
        version: "0.1.0",
        subcommands: [
            InitCommand.self, BuildCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self, ImportCommentsCommand.self,
        ]
    )

    public init() {}
}
