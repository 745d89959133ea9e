extension Link {
    /// Whether the link only names an anchor of its own page (`#notes`).
    public var isFragmentOnly: Bool { resolved.hasPrefix("#") }

    /// The resolved URL without query and fragment: the site path to check
    /// (`/politik/foo/lead.jpg`); empty for fragment-only links.
    public var path: String {
        String(resolved.prefix { $0 != "?" && $0 != "#" })
    }

    /// The fragment (anchor id) without `#`, if the URL has one.
    public var fragment: String? {
        guard let hash = resolved.firstIndex(of: "#") else { return nil }
        return String(resolved[resolved.index(after: hash)...])
    }
}
