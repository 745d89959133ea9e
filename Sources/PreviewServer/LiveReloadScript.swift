import Basics
import Foundation

/// The script injected before `</body>` of every HTML page the preview serves
/// (never into `magbuild build` output). It listens on the event stream and
///
/// - reloads when a build changed the page itself, changed files other than
///   HTML and CSS (images, scripts), failed, or fixed a failure shown on the page;
/// - swaps changed stylesheets in place (a cache-busting query on the link)
///   when only CSS changed for this page;
/// - reloads after reconnecting when builds happened while it was away.
enum LiveReloadScript {
    /// The Server-Sent Events endpoint.
    static let eventsPath = "/__magbuild/events"

    /// The `<script>` element for a page served from site path `page` at `generation`.
    static func element(page: String, generation: Int) -> String {
        "<script>" + source.replacingOccurrences(of: "__PAGE__", with: JSONString.literal("/" + page))
            .replacingOccurrences(of: "__GENERATION__", with: String(generation)) + "</script>"
    }

    /// `html` with the script (and `overlay`, if any) inserted before the last `</body>`,
    /// or appended when the page has none.
    static func inject(into html: Data, page: String, generation: Int, overlay: String?) -> Data {
        let insert = Data(((overlay ?? "") + element(page: page, generation: generation)).utf8)
        guard let index = lastBodyClose(in: html) else { return html + insert }
        var out = Data(html[html.startIndex..<index])
        out.append(insert)
        out.append(html[index...])
        return out
    }

    /// Index of the last case-insensitive `</body`.
    private static func lastBodyClose(in html: Data) -> Data.Index? {
        let needle = Array("</body".utf8)
        return html.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Data.Index? in
            guard bytes.count >= needle.count else { return nil }
            var i = bytes.count - needle.count
            while i >= 0 {
                var match = true
                for j in 0..<needle.count where bytes[i + j] | (j > 1 ? 0x20 : 0) != needle[j] {
                    match = false
                    break
                }
                if match { return html.startIndex + i }
                i -= 1
            }
            return nil
        }
    }

    private static let source = """
        (function () {
          var page = __PAGE__, generation = __GENERATION__;
          if (!window.EventSource) return;
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("hello", function (e) {
            var d = JSON.parse(e.data);
            if (d.generation !== generation) location.reload();
          });
          source.addEventListener("build", function (e) {
            var d = JSON.parse(e.data);
            var showsErrors = !!document.getElementById("\(ErrorOverlay.elementID)");
            if (!d.ok || showsErrors || d.reloadAll || d.changed.indexOf(page) >= 0) {
              source.close();
              location.reload();
              return;
            }
            generation = d.generation;
            var links = document.querySelectorAll('link[rel~="stylesheet"][href]');
            for (var i = 0; i < links.length; i++) {
              var url = new URL(links[i].getAttribute("href"), location.href);
              if (url.origin === location.origin && d.changed.indexOf(url.pathname) >= 0) {
                url.searchParams.set("magbuild", String(d.generation));
                links[i].href = url.pathname + url.search;
              }
            }
          });
        })();
        """
}
