import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import PreviewServer

/// Serving rules, in process: indexes, redirects, types, ETags, HEAD, the 404 page.
@Suite struct ServingTests {
    let state = PreviewState(snapshot: Fixtures.snapshot)

    @Test func servesIndexPagesWithTheLiveReloadScript() async throws {
        try await Fixtures.app(state: state).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let body = String(buffer: response.body)
                #expect(body.hasPrefix("<!doctype html><html><body><h1>Home</h1><script>"))
                #expect(body.hasSuffix("</script></body></html>"))
                #expect(body.contains("/__magbuild/events"))
                #expect(response.headers[.contentLength] == String(response.body.readableBytes))
            }
            try await client.execute(uri: "/politik/erste/", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("<p>Erste</p><script>"))
                #expect(body.hasSuffix("</script></BODY></html>"))
                #expect(body.contains("var page = \"/politik/erste/index.html\""))
            }
            try await client.execute(uri: "/politik/erste/index.html", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func redirectsDirectoriesWithoutSlashKeepingTheQuery() async throws {
        try await Fixtures.app(state: state).test(.router) { client in
            try await client.execute(uri: "/politik/erste", method: .get) { response in
                #expect(response.status == .found)
                #expect(response.headers[.location] == "/politik/erste/")
            }
            try await client.execute(uri: "/politik/erste?x=1", method: .get) { response in
                #expect(response.headers[.location] == "/politik/erste/?x=1")
            }
            try await client.execute(uri: "/politik/", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func contentTypesFromTheExtension() async throws {
        let expected = [
            "/css/style.css": "text/css; charset=utf-8",
            "/img/logo.png": "image/png",
            "/feed.xml": "application/xml; charset=utf-8",
            "/robots.txt": "text/plain; charset=utf-8",
            "/notes.unknownext": "application/octet-stream",
        ]
        try await Fixtures.app(state: state).test(.router) { client in
            for (uri, type) in expected {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[.contentType] == type, "\(uri)")
                }
            }
            try await client.execute(uri: "/css/style.css?magbuild=7", method: .get) { response in
                #expect(String(buffer: response.body) == "body { color: black }")
            }
        }
    }

    @Test func etagsAnswerNotModified() async throws {
        try await Fixtures.app(state: state).test(.router) { client in
            let tag = try await client.execute(uri: "/css/style.css", method: .get) { response in
                try #require(response.headers[.eTag])
            }
            #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""))
            try await client.execute(uri: "/css/style.css", method: .get, headers: [.ifNoneMatch: tag]) { response in
                #expect(response.status == .notModified)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.eTag] == tag)
            }
            try await client.execute(uri: "/css/style.css", method: .get, headers: [.ifNoneMatch: "\"other\", W/\(tag)"]) { response in
                #expect(response.status == .notModified)
            }
            try await client.execute(uri: "/css/style.css", method: .get, headers: [.ifNoneMatch: "\"other\""]) { response in
                #expect(response.status == .ok)
            }
            let pageTag = try await client.execute(uri: "/", method: .get) { try #require($0.headers[.eTag]) }
            try await client.execute(uri: "/", method: .get, headers: [.ifNoneMatch: pageTag]) { response in
                #expect(response.status == .notModified)
            }
        }
    }

    @Test func pageETagChangesWithTheOverlay() async throws {
        let good = PreviewState(snapshot: Fixtures.snapshot)
        let failed = PreviewState(snapshot: Fixtures.snapshot, failure: BuildFailure(diagnostics: [.error(at: nil, "boom")]))
        let first = try await Fixtures.app(state: good).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { $0.headers[.eTag] }
        }
        let second = try await Fixtures.app(state: failed).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { $0.headers[.eTag] }
        }
        #expect(first != nil && first != second)
    }

    @Test func headHasTheHeadersButNoBody() async throws {
        try await Fixtures.app(state: state).test(.router) { client in
            let length = try await client.execute(uri: "/img/logo.png", method: .get) { $0.headers[.contentLength] }
            try await client.execute(uri: "/img/logo.png", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
                #expect(response.headers[.contentLength] == length)
                #expect(response.headers[.contentType] == "image/png")
                #expect(response.headers[.eTag] != nil)
            }
            try await client.execute(uri: "/missing", method: .head) { response in
                #expect(response.status == .notFound)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
        }
    }

    @Test func missingPagesGetTheSite404PageWithStatus404() async throws {
        try await Fixtures.app(state: state).test(.router) { client in
            for uri in ["/gibt-es-nicht/", "/gibt/es/nicht.html", "/css/", "/img/logo.png/"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    let body = String(buffer: response.body)
                    #expect(body.contains("<h1>Nicht gefunden</h1>"), "\(uri)")
                    #expect(body.contains("var page = \"/404.html\""))
                }
            }
        }
        let bare = PreviewState(snapshot: SiteSnapshot(files: ["index.html": Data("<p>x</p>".utf8)]))
        try await Fixtures.app(state: bare).test(.router) { client in
            try await client.execute(uri: "/nope", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("404"))
            }
        }
    }

    @Test func percentEncodedNamesAreDecoded() async throws {
        let site = SiteSnapshot(files: ["tags/äpfel/index.html": Data("<body>Äpfel</body>".utf8)])
        try await Fixtures.app(state: PreviewState(snapshot: site)).test(.router) { client in
            try await client.execute(uri: "/tags/%C3%A4pfel/", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/tags/%C3%A4pfel", method: .get) { response in
                #expect(response.headers[.location] == "/tags/%C3%A4pfel/")
            }
        }
    }
}
