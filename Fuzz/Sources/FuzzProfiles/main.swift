import Diagnostics
import Foundation
import FuzzSupport
@testable import Content

// A profile file → a section's (`content/<section>/_index.md`) or an author's (`authors/<name>.md`)
// profile; every input is read as both.
// - Diagnostics point into the file, at a line and column it has (LocationCheck).
// - A profile and an error exclude each other: no profile comes without an error saying why.
// - A section profile without front matter is the whole text as its intro; an author's
//   profile has a name, trimmed and not empty; its links are http(s) URLs.
// - Parsing is deterministic.
let sectionFile = "content/politik/_index.md"
let authorFile = "authors/fuzz.md"

func checkLocations(_ diagnostics: [Diagnostic], file: String, lines: SourceText) {
    for diagnostic in diagnostics {
        guard let location = diagnostic.location else {
            Invariant.require(false, "diagnostic without a location: \(diagnostic)")
            continue
        }
        Invariant.require(location.file == file, "diagnostic in another file: \(diagnostic)")
        LocationCheck.require(location, in: lines, "\(diagnostic)")
    }
}

func checkExclusion(hasProfile: Bool, _ diagnostics: [Diagnostic], _ what: String) {
    let hasErrors = diagnostics.contains { $0.severity == .error }
    Invariant.require(hasProfile != hasErrors, "\(what): profile \(hasProfile), errors \(hasErrors): \(diagnostics)")
}

FuzzDriver.run { data in
    let text = FuzzInput.text(data)
    let lines = SourceText(text)

    let section = SectionProfile.parse(text: text, file: sectionFile, section: "politik")
    checkLocations(section.diagnostics, file: sectionFile, lines: lines)
    checkExclusion(hasProfile: section.profile != nil, section.diagnostics, "section")
    if case .failure(.missing) = FrontMatterBlock.split(FrontMatterBlock.normalized(text)) {
        Invariant.require(section.profile?.body == FrontMatterBlock.normalized(text), "a profile without front matter lost its intro")
    }
    let sectionAgain = SectionProfile.parse(text: text, file: sectionFile, section: "politik")
    Invariant.require(sectionAgain.profile == section.profile && sectionAgain.diagnostics == section.diagnostics, "two section parses differ")

    let author = AuthorProfile.parse(text: text, file: authorFile)
    checkLocations(author.diagnostics, file: authorFile, lines: lines)
    checkExclusion(hasProfile: author.profile != nil, author.diagnostics, "author")
    if let profile = author.profile {
        Invariant.require(!profile.name.isEmpty && profile.name == profile.name.trimmingCharacters(in: .whitespacesAndNewlines),
                          "name \(profile.name.debugDescription)")
        for link in profile.links {
            Invariant.require(link.hasPrefix("https://") || link.hasPrefix("http://"), "link \(link.debugDescription) accepted")
        }
    }
    let authorAgain = AuthorProfile.parse(text: text, file: authorFile)
    Invariant.require(authorAgain.profile == author.profile && authorAgain.diagnostics == author.diagnostics, "two author parses differ")
}
