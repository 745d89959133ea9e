import Diagnostics
import Foundation
import Testing
@testable import Content

/// `content/<section>/_index.md`: a section's name, description, order, picture and intro.
@Suite struct SectionProfileTests {
    @Test func aFullProfile() throws {
        let text = """
            ---
            title: Außenpolitik
            description: "Die Welt, von Haldenau aus gesehen."
            weight: 2
            image:
              src: bild.jpg
              alt: Ein Globus
              credit: "Foto: Agentur"
            ---
            Die **Welt** im Blick.

            """
        let parsed = SectionProfile.parse(text: text, file: "content/aussenpolitik/_index.md", section: "aussenpolitik")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let profile = try #require(parsed.profile)
        #expect(profile.title == "Außenpolitik")
        #expect(profile.description == "Die Welt, von Haldenau aus gesehen.")
        #expect(profile.weight == 2)
        #expect(profile.image == LeadImage(src: "bild.jpg", alt: "Ein Globus", credit: "Foto: Agentur"))
        #expect(profile.body == "Die **Welt** im Blick.\n")
    }

    @Test func aFileWithoutFrontMatterIsJustAnIntro() throws {
        let parsed = SectionProfile.parse(text: "Nur ein Vorspann.\n", file: "content/x/_index.md", section: "x")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.profile?.title == nil)
        #expect(parsed.profile?.body == "Nur ein Vorspann.\n")
    }

    @Test func mistakesAreErrorsAtTheirPlace() {
        let text = "---\ntitel: Politik\nweight: zwei\nimage:\n  src: a.jpg\n  alt: A\n---\n"
        let parsed = SectionProfile.parse(text: text, file: "content/politik/_index.md", section: "politik")
        let messages = parsed.diagnostics.map(\.description)
        #expect(parsed.profile == nil)
        #expect(messages.contains { $0.hasPrefix("content/politik/_index.md:2:1: warning: unknown key 'titel'") && $0.contains("did you mean 'title'?") },
                "\(messages)")
        #expect(messages.contains { $0.hasPrefix("content/politik/_index.md:3:9: error: 'weight' must be a whole number") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("content/politik/_index.md:4:1: error: 'image' needs 'credit'") }, "\(messages)")
    }

    @Test func theLoaderFindsProfilesAndAnArticleAtTheContentRootIsAnError() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-profiles-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let files = [
            "site.yml": "title: T\n",
            "content/index.md": "---\ntitle: X\n---\n",
            "content/politik/_index.md": "---\ntitle: Innenpolitik\n---\n",
            "content/politik/a.md": "---\ntitle: A\nteaser: T\ndate: 2024-01-01\nauthors: [X]\n---\n",
        ]
        for (path, text) in files {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let loaded = ContentLoader.load(siteAt: site)
        #expect(loaded.profiles["politik"]?.title == "Innenpolitik")
        #expect(loaded.articles.map(\.file) == ["content/politik/a.md"])
        #expect(loaded.diagnostics.map(\.description).contains {
            $0.hasPrefix("content/index.md:1:1: error: an article needs a folder or file name of its own")
        }, "\(loaded.diagnostics)")
    }
}
