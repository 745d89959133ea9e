/// Where a site lives on the web, taken from its base URL (`https://verlag.example/magazin/`):
/// the origin (`https://verlag.example`) and the path of its root (`/magazin`).
///
/// Inside magbuild every page has a *site path* (`/politik/wahl/`), which is also where its
/// file lands in the output folder. A *link* is what a reader's browser follows: the site
/// path under the root path (`/magazin/politik/wahl/`). On a site at the root of its host
/// both are the same.
public struct SiteRoot: Sendable, Hashable {
    /// Scheme and host (and port): `https://verlag.example`; empty when the base URL has none.
    public let origin: String
    /// The base URL's path without its trailing slash: `/magazin`, or empty at the host's root.
    public let path: String

    /// `baseURL` is an absolute URL without query or fragment, as `site.yml` checks it.
    public init(baseURL: String) {
        var rest = Substring(baseURL)
        var origin = ""
        if let scheme = rest.range(of: "://") {
            let host = rest[scheme.upperBound...].firstIndex(of: "/") ?? rest.endIndex
            origin = String(rest[..<host])
            rest = rest[host...]
        }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        self.origin = origin
        path = String(rest)
    }

    /// The link to a site path: `/politik/` → `/magazin/politik/`. Anything but a site path
    /// (`https://…`, `//cdn…`, `#notes`, `?q`, a page-relative `lead.jpg`) is returned as is.
    public func link(_ sitePath: String) -> String {
        guard !path.isEmpty, sitePath.hasPrefix("/"), !sitePath.hasPrefix("//") else { return sitePath }
        return String(concatenating: path, sitePath)
    }
}
