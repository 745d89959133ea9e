import Diagnostics
import Foundation
import Testing
@testable import Content

@Suite struct AuthorProfileTests {
    @Test func aProfileNeedsTheAuthorsName() {
        let parsed = AuthorProfile.parse(text: "---\nrole: Reporter\n---\nBio\n", file: "authors/x.md")
        #expect(parsed.profile == nil)
        #expect(parsed.diagnostics.map(\.description).contains { $0.hasPrefix("authors/x.md:1:1: error: missing required key 'name'") },
                "\(parsed.diagnostics)")
    }

    @Test func linksMustBeWebAddresses() {
        let parsed = AuthorProfile.parse(text: "---\nname: A\nlinks: [mastodon.example/@a]\n---\n", file: "authors/a.md")
        #expect(parsed.diagnostics.map(\.description).contains {
            $0.hasPrefix("authors/a.md:3:8: error: each of 'links' must be an http(s) URL")
        }, "\(parsed.diagnostics)")
    }

    @Test func theBodyIsTheBio() throws {
        let parsed = AuthorProfile.parse(
            text: "---\nname: Erika Muster\nrole: Redakteurin\nlinks: [https://erika.example/]\n---\nSchreibt.\n", file: "authors/e.md")
        let profile = try #require(parsed.profile)
        #expect(profile.name == "Erika Muster" && profile.role == "Redakteurin" && profile.links == ["https://erika.example/"])
        #expect(profile.body == "Schreibt.\n")
        #expect(profile.nameLocation.line == 2)
    }
}
