import Basics

extension Filters {
    /// Links and URLs on a site that may live under a path of its host (`https://verlag.example/magazin/`).
    /// A path with a leading `/` is a link, as in an `href`; one without is a path inside the site.
    static let urlFilters: [FilterDefinition] = [
        FilterDefinition("absolute_url") { input, _, environment throws(FilterError) in
            .string(absoluteURL(try text(of: input, for: "absolute_url", environment: environment),
                                settings: environment.settings))
        },
        FilterDefinition("relative_url") { input, _, environment throws(FilterError) in
            let path = try text(of: input, for: "relative_url", environment: environment)
            return .string(isExternal(path) ? path : environment.settings.root.link(sitePath(path)))
        },
        FilterDefinition("asset_url") { input, _, environment throws(FilterError) in
            let path = sitePath(try text(of: input, for: "asset_url", environment: environment))
            guard let fingerprinted = environment.settings.assets[path] else {
                throw FilterError(
                    "'asset_url' knows no CSS or JavaScript file static\(path)",
                    hint: "name a .css or .js file in static/, e.g. \"css/style.css\"; link other files with 'relative_url'")
            }
            return .string(environment.settings.root.link(fingerprinted))
        },
    ]

    /// A URL with a scheme or a host of its own: `https://…`, `//cdn…`, `mailto:…`, `data:…`.
    static func isExternal(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//")
            || lower.hasPrefix("mailto:") || lower.hasPrefix("data:")
    }

    /// `css/style.css` and `/css/style.css` alike as the site path `/css/style.css`.
    static func sitePath(_ path: String) -> String {
        "/" + path.drop { $0 == "/" }
    }

    /// The full URL of a link (`/magazin/politik/`, resolved against the site's origin) or of
    /// a path inside the site (`politik/`, resolved against the base URL); external URLs stay.
    static func absoluteURL(_ path: String, settings: TemplateSettings) -> String {
        if isExternal(path) { return path }
        let root = settings.root
        if path.hasPrefix("/") { return root.origin + path }
        return root.origin + root.link(sitePath(path))
    }
}
