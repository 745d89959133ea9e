import ArgumentParser

/// The `magbuild` command and its subcommands.
public struct Magbuild: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "magbuild",
        abstract: "Builds the magazine's static site."
    )
    public init() {}
}
