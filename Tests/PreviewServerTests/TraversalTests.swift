import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import PreviewServer

/// No request path leads out of the site: dot segments, encoded dots and
/// slashes, backslashes, NUL bytes, malformed escapes.
@Suite struct TraversalTests {
    static let attempts = [
        "/../site.yml",
        "/politik/../../site.yml",
        "/%2e%2e/site.yml",
        "/%2E%2E/%2e%2e/etc/passwd",
        "/.%2e/site.yml",
        "/politik/%2e%2e%2f%2e%2e%2fsite.yml",
        "/..%2fsite.yml",
        "/..%5csite.yml",
        "/..\\site.yml",
        "/politik/./erste/",
        "/index.html%00.png",
        "/%00",
        "/%zz",
        "/%e",
        "/%ff%fe",
    ]

    @Test(arguments: attempts)
    func refusesEscapes(path: String) {
        #expect(RequestPath(raw: path) == .refused)
    }

    @Test func refusesPathsThatAreNotAbsolute() {
        #expect(RequestPath(raw: "site.yml") == .refused)
        #expect(RequestPath(raw: "") == .refused)
        #expect(RequestPath(raw: "*") == .refused)
    }

    @Test func absolutePathsStayInsideTheSite() {
        // A doubled slash is not the file system root: it is the same site path.
        #expect(RequestPath(raw: "//etc/passwd") == .site(segments: ["etc", "passwd"], directory: false))
        #expect(RequestPath(raw: "/") == .site(segments: [], directory: true))
        #expect(RequestPath(raw: "/a//b/") == .site(segments: ["a", "b"], directory: true))
        #expect(RequestPath(raw: "/a%20b/c") == .site(segments: ["a b", "c"], directory: false))
    }

    /// `//x` named the directory `x`, and its redirect went to `//x/`, which a browser reads
    /// as the host `x` (found by fuzzing: `Fuzz/Corpus/FuzzRequestPath/regression-double-slash`).
    @Test func redirectsNeverLeaveTheSite() {
        let snapshot = SiteSnapshot(files: ["evil.example/index.html": Data(), "politik/erste/index.html": Data()])
        #expect(SiteLookup(rawPath: "//evil.example", query: nil, in: snapshot) == .redirect("/evil.example/"))
        #expect(SiteLookup(rawPath: "///evil.example", query: "a=1", in: snapshot) == .redirect("/evil.example/?a=1"))
        #expect(SiteLookup(rawPath: "/politik//erste", query: nil, in: snapshot) == .redirect("/politik//erste/"))
    }

    @Test func theServerAnswersAttemptsWithBadRequest() async throws {
        let state = PreviewState(snapshot: Fixtures.snapshot)
        try await Fixtures.app(state: state).test(.router) { client in
            for path in Self.attempts + ["/css/..%2f..%2fsite.yml"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .badRequest, "\(path)")
                    #expect(!String(buffer: response.body).contains("baseURL"), "\(path)")
                }
            }
            try await client.execute(uri: "//etc/passwd", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/etc/passwd", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
