import Foundation
import Hummingbird

/// Answers every request of the preview: the SSE endpoint, and the files of the
/// in-memory build with directory indexes, redirects, ETags, the site's 404 page,
/// the live-reload script and, after a failed rebuild, the error overlay.
public struct PreviewResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    let state: PreviewState
    let hub: EventHub

    public init(state: PreviewState, hub: EventHub) {
        self.state = state
        self.hub = hub
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        let isHead = request.method == .head
        guard request.method == .get || isHead else {
            return Self.text("405 Method Not Allowed\n", status: .methodNotAllowed, extra: [.allow: "GET, HEAD"])
        }
        if request.uri.path == LiveReloadScript.eventsPath {
            return events()
        }
        let view = await state.ready()
        let response = serve(request, view: view)
        return isHead ? response.createHeadResponse() : response
    }

    private func serve(_ request: Request, view: PreviewState.View) -> Response {
        guard let snapshot = view.snapshot else {
            return page(Data("<!doctype html><title>magbuild</title><body></body>".utf8), path: "index.html",
                        status: .serviceUnavailable, view: view, request: request)
        }
        switch SiteLookup(rawPath: request.uri.path, query: request.uri.query, in: snapshot) {
        case .file(let path):
            return page(snapshot[path] ?? Data(), path: path, status: .ok, view: view, request: request)
        case .redirect(let location):
            return Response(status: .found, headers: [.location: location, .contentLength: "0", .cacheControl: "no-cache"])
        case .notFound:
            let body = snapshot["404.html"] ?? Data("<!doctype html><title>404</title><body><h1>404 Not Found</h1></body>".utf8)
            return page(body, path: "404.html", status: .notFound, view: view, request: request)
        case .refused:
            return Self.text("400 Bad Request: the path leaves the site\n", status: .badRequest)
        }
    }

    /// A file of the site; HTML gets the live-reload script and, after a failure, the overlay.
    private func page(_ data: Data, path: String, status: HTTPResponse.Status, view: PreviewState.View, request: Request) -> Response {
        var body = data
        if MediaType.isHTML(path: path) {
            let overlay = view.failure.map(ErrorOverlay.html(for:))
            body = LiveReloadScript.inject(into: data, page: path, generation: view.generation, overlay: overlay)
        }
        let tag = EntityTag.of(body)
        var headers: HTTPFields = [
            .contentType: MediaType.contentType(forPath: path),
            .eTag: tag,
            .cacheControl: "no-cache",
        ]
        if status == .ok, EntityTag.matches(ifNoneMatch: request.headers[.ifNoneMatch], tag: tag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(body.count)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The Server-Sent Events stream: a `hello` with the current generation, then one `build` event per rebuild.
    private func events() -> Response {
        let stream = hub.subscribe(first: BuildEvent.hello(generation: state.current.generation))
        let headers: HTTPFields = [
            .contentType: "text/event-stream; charset=utf-8",
            .cacheControl: "no-cache",
        ]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            for await frame in stream {
                try await writer.write(ByteBuffer(string: frame))
            }
            try await writer.finish(nil)
        })
    }

    private static func text(_ text: String, status: HTTPResponse.Status, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-cache"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
