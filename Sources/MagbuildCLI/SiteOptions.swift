import ArgumentParser
import Foundation

/// `--source DIR`, taken by every command.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder (holding site.yml).", valueName: "dir"))
    var source: String = "."

    var sourceURL: URL {
        URL(fileURLWithPath: source, isDirectory: true, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
    }
}
