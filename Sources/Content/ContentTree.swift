import Basics
import Diagnostics
import Foundation

/// An article file found under `content/`, before it is read.
public struct ArticleFile: Sendable, Hashable {
    /// The Markdown file relative to the site folder: `content/politik/foo/index.md`.
    public internal(set) var file: String
    /// The folders between `content/` and the article: `["politik"]`.
    public internal(set) var section: [String]
    /// The folder or file name that gives the article's last path segment.
    public internal(set) var slug: String
    /// The bundle folder relative to the site folder, nil for a flat file.
    public internal(set) var bundleDirectory: String?
    /// Bundle resources relative to the bundle folder, sorted.
    public internal(set) var resources: [String]
    /// The comment export, relative to the site folder, if it exists.
    public internal(set) var commentsFile: String?
}

/// Finds the articles under a site's `content/` folder (README, "A site is a folder"), or the
/// plain pages under `pages/`, which are laid out the same way, sorted by file.
///
/// - `content/<path>/<slug>/index.md` is a bundle: every other file in its folder and its
///   subfolders is a resource, except Markdown, `comments.json` and `*.comments.json`,
///   and except the files of nested bundles (folders with their own `index.md`), which are
///   articles of their own.
/// - `content/<path>/<slug>.md` is a flat article; its comments are `<slug>.comments.json`.
/// - Hidden files and folders (starting with `.`) and `_index.md` files are skipped.
struct ContentTree {
    let root: URL
    /// `content` or `pages`.
    let folder: String
    private(set) var articles: [ArticleFile] = []
    /// The `_index.md` files (section profiles) relative to the site folder, with their section path.
    private(set) var profiles: [(file: String, section: String)] = []
    private(set) var diagnostics: [Diagnostic] = []

    /// Folders nested deeper than this are not read (a guard against symbolic link loops).
    static let maxDepth = DirectoryListing.maxDepth

    /// Scans `root/<folder>`: `content/` (a site without one gets a warning) or `pages/`,
    /// reading folders on up to `jobs` threads.
    init(siteAt root: URL, folder: String = SiteLayout.content, jobs: Int = 1) {
        self.root = root
        self.folder = folder
        let content = root.appendingPathComponent(folder, isDirectory: true)
        guard DirectoryListing.isFolder(content.path) else {
            if folder == SiteLayout.content {
                diagnostics.append(.warning(at: nil, "no content/ folder: the site has no articles"))
            }
            return
        }
        scan(content.path, path: [], jobs: jobs)
        // By bytes: `String`'s Unicode-aware `<` made this sort the scan's largest cost.
        articles.sort { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
    }

    /// What the scan of a subfolder found, before it is added to its parent's.
    private init(root: URL, folder: String) {
        self.root = root
        self.folder = folder
    }

    private mutating func scan(_ folder: String, path: [String], jobs: Int) {
        guard path.count <= Self.maxDepth else {
            diagnostics.append(.error(at: SourceLocation(file: relative(path)), "folders nested too deeply"))
            return
        }
        let (files, folders) = Self.entries(of: folder)
        if files.contains("index.md") {
            if let slug = path.last {
                let resources = Self.resources(in: folder, prefix: "", entries: (files, folders))
                articles.append(ArticleFile(
                    file: relative(path + ["index.md"]), section: Array(path.dropLast()), slug: slug,
                    bundleDirectory: relative(path), resources: resources,
                    commentsFile: files.contains(SiteLayout.bundleComments) ? relative(path + [SiteLayout.bundleComments]) : nil))
            } else {
                diagnostics.append(self.folder == SiteLayout.content
                    ? .error(at: SourceLocation(file: "content/index.md"), "an article needs a folder or file name of its own",
                             hint: "move it to content/<section>/<slug>/index.md; the home page is generated")
                    : .error(at: SourceLocation(file: relative(["index.md"])), "a page needs a folder or file name of its own",
                             hint: "name it pages/<name>.md; the home page is generated"))
            }
        }
        if self.folder == SiteLayout.content, files.contains(SectionProfile.fileName) {
            profiles.append((relative(path + [SectionProfile.fileName]), path.joined(separator: "/")))
        }
        for name in files where name.hasSuffix(".md") && name != "index.md" && name != "_index.md" {
            let slug = String(name.dropLast(3))
            guard !slug.isEmpty else { continue }
            let comments = slug + SiteLayout.commentsSuffix
            articles.append(ArticleFile(
                file: relative(path + [name]), section: path, slug: slug, bundleDirectory: nil, resources: [],
                commentsFile: files.contains(comments) ? relative(path + [comments]) : nil))
        }
        guard jobs > 1, folders.count > 1 else {
            for name in folders { scan(folder + "/" + name, path: path + [name], jobs: jobs) }
            return
        }
        // A section holds thousands of article folders: reading their listings one by one was
        // the serial part of loading a site whose articles are all in the build cache. The
        // subfolders' findings are added in their order, as one by one.
        let root = self.root, scanned = self.folder
        let subtrees = parallelMap(folders, jobs: jobs) { name in
            var subtree = ContentTree(root: root, folder: scanned)
            subtree.scan(folder + "/" + name, path: path + [name], jobs: jobs)
            return subtree
        }
        for subtree in subtrees {
            articles += subtree.articles
            profiles += subtree.profiles
            diagnostics += subtree.diagnostics
        }
    }

    /// The published files of the bundle at `folder`, relative to it, sorted.
    private static func resources(
        in folder: String, prefix: String, depth: Int = 0, entries known: (files: [String], folders: [String])? = nil
    ) -> [String] {
        guard depth <= maxDepth else { return [] }
        let (files, folders) = known ?? entries(of: folder)
        var result = files.filter(isResource).map { prefix + $0 }
        for name in folders {
            let sub = folder + "/" + name
            if FileManager.default.fileExists(atPath: sub + "/index.md") { continue }
            result += resources(in: sub, prefix: prefix + name + "/", depth: depth + 1)
        }
        return result.sorted()
    }

    private static func isResource(_ name: String) -> Bool {
        !(name.hasSuffix(".md") || SiteLayout.isCommentsFile(name))
    }

    /// The visible files and folders of `folder`, each sorted.
    private static func entries(of folder: String) -> (files: [String], folders: [String]) {
        guard let listing = DirectoryListing(of: folder) else { return ([], []) }
        return (listing.files, listing.folders)
    }

    /// A path under the scanned folder, relative to the site folder, with `/` separators.
    private func relative(_ components: [String]) -> String {
        ([folder] + components).joined(separator: "/")
    }
}
