import Foundation
import PreviewServer
import Testing

/// The preview over a real socket: an edit reaches the browser's event stream,
/// the changed page is served, broken front matter shows the overlay until fixed.
@Suite(.serialized) struct LiveReloadTests {
    static let article = "content/politik/erste-meldung/index.md"

    /// Opens the event stream and reads the greeting.
    private func events(_ preview: RunningPreview) async throws -> RawConnection {
        try await offPool {
            let connection = try RawConnection(port: preview.port)
            connection.send("GET /__magbuild/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            let head = try connection.read(until: "\r\n\r\n")
            guard head.contains("200 OK"), head.lowercased().contains("content-type: text/event-stream") else {
                throw RawConnection.Failure(description: "bad event stream head: \(head)")
            }
            _ = try connection.read(until: "event: hello")
            _ = try connection.read(until: "\n\n")
            return connection
        }
    }

    /// The data of the next `build` event.
    private func nextBuild(_ connection: RawConnection) async throws -> String {
        try await offPool {
            _ = try connection.read(until: "event: build\n")
            return try connection.read(until: "\n\n")
        }
    }

    @Test func editingAnArticleReloadsItsPage() async throws {
        let preview = try await RunningPreview.start()
        do {
            let home = try await RawResponse.get(port: preview.port, "/")
            #expect(home.status == 200)
            #expect(home.body.contains("/__magbuild/events"))
            let page = try await RawResponse.get(port: preview.port, "/politik/erste-meldung/")
            #expect(page.body.contains("Erster Absatz"))
            #expect(page.body.contains("<link rel=\"canonical\" href=\"\(preview.url)politik/erste-meldung/\">"))

            let stream = try await events(preview)
            let saved = Date()
            try Fixtures.edit(preview.site, Self.article, replacing: "Erster Absatz", with: "Geänderter Absatz")
            let event = try await nextBuild(stream)
            let latency = Date().timeIntervalSince(saved)
            print("change → build event: \(Int(latency * 1000)) ms")
            #expect(event.contains("\"ok\":true"))
            #expect(event.contains("\"/politik/erste-meldung/index.html\""))
            #expect(latency < 3)

            let changed = try await RawResponse.get(port: preview.port, "/politik/erste-meldung/")
            #expect(changed.status == 200)
            #expect(changed.body.contains("Geänderter Absatz"))
            #expect(!changed.body.contains("Erster Absatz"))
        } catch {
            await preview.stop()
            throw error
        }
        await preview.stop()
    }

    @Test func aBurstOfAtomicSavesIsOneRebuild() async throws {
        // A quiet period far longer than the burst takes, however busy the machine running the tests.
        let preview = try await RunningPreview.start(quietPeriod: .seconds(1))
        do {
            let stream = try await events(preview)
            let url = preview.site.appendingPathComponent(Self.article)
            let original = try String(contentsOf: url, encoding: .utf8)
            for round in 1...4 {
                try Fixtures.atomicSave(preview.site, Self.article, original.replacingOccurrences(of: "Erster Absatz", with: "Fassung \(round)"))
                try await Task.sleep(for: .milliseconds(10))
            }
            let css = preview.site.appendingPathComponent("static/css/style.css")
            try (try String(contentsOf: css, encoding: .utf8) + "\n/* saved together */\n").write(to: css, atomically: true, encoding: .utf8)
            let event = try await nextBuild(stream)
            #expect(event.contains("\"ok\":true"))
            try await Task.sleep(for: .seconds(2))
            #expect(preview.rebuilds.count == 1)
            let page = try await RawResponse.get(port: preview.port, "/politik/erste-meldung/")
            #expect(page.body.contains("Fassung 4"))
        } catch {
            await preview.stop()
            throw error
        }
        await preview.stop()
    }

    @Test func aCSSChangeIsListedAlone() async throws {
        let preview = try await RunningPreview.start()
        do {
            let stream = try await events(preview)
            let css = preview.site.appendingPathComponent("static/css/style.css")
            try (try String(contentsOf: css, encoding: .utf8) + "\nh1 { color: red }\n").write(to: css, atomically: true, encoding: .utf8)
            // On a busy machine the atomic save's temporary file may arrive as a burst of its own,
            // whose build changes no output file.
            var event = try await nextBuild(stream)
            for _ in 0..<3 where event.contains("\"changed\":[]") && event.contains("\"reloadAll\":false") {
                event = try await nextBuild(stream)
            }
            #expect(event.contains("\"changed\":[\"/css/style.css\"]"))
            #expect(event.contains("\"reloadAll\":false"))
        } catch {
            await preview.stop()
            throw error
        }
        await preview.stop()
    }

    @Test func brokenFrontMatterShowsTheOverlayUntilTheNextGoodSave() async throws {
        let preview = try await RunningPreview.start()
        do {
            let stream = try await events(preview)
            let url = preview.site.appendingPathComponent(Self.article)
            let original = try String(contentsOf: url, encoding: .utf8)
            let broken = original
                .replacingOccurrences(of: "title: \"Erste Meldung über Äpfel\"\n", with: "")
                .replacingOccurrences(of: "date: 2024-03-01T09:30:00+01:00", with: "date: \"<script>alert(1)</script>\"")
            try Fixtures.atomicSave(preview.site, Self.article, broken)
            #expect(try await nextBuild(stream).contains("\"ok\":false"))

            for path in ["/politik/erste-meldung/", "/", "/gibt-es-nicht/"] {
                let page = try await RawResponse.get(port: preview.port, path)
                #expect(page.body.contains("id=\"magbuild-error-overlay\""), "\(path)")
                #expect(page.body.contains("content/politik/erste-meldung/index.md:"), "\(path)")
                #expect(!page.body.contains("<script>alert(1)"), "\(path)")
                #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path)")
            }
            let underneath = try await RawResponse.get(port: preview.port, "/politik/erste-meldung/")
            #expect(underneath.status == 200)
            #expect(underneath.body.contains("Erster Absatz"))

            try Fixtures.atomicSave(preview.site, Self.article, original.replacingOccurrences(of: "Erster Absatz", with: "Repariert"))
            let fixed = try await nextBuild(stream)
            #expect(fixed.contains("\"ok\":true"))
            let page = try await RawResponse.get(port: preview.port, "/politik/erste-meldung/")
            #expect(!page.body.contains("id=\"magbuild-error-overlay\""))
            #expect(page.body.contains("Repariert"))
        } catch {
            await preview.stop()
            throw error
        }
        await preview.stop()
    }

    @Test func stoppingEndsOpenEventStreams() async throws {
        let preview = try await RunningPreview.start()
        let stream = try await events(preview)
        await preview.stop()
        let rest = try await offPool { try stream.readToEnd(timeout: 5) }
        #expect(!rest.contains("event: build"))
    }
}
