import Diagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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

/// Finds the articles under a site's `content/` folder (SPEC §2), sorted by file.
///
/// - `content/<path>/<slug>/index.md` is a bundle: every other file in its folder and its
///   subfolders is a resource, except Markdown, `comments.json` and `*.comments.json`,
///   and except the files of nested bundles (folders with their own `index.md`), which are
///   articles of their own.
/// - `content/<path>/<slug>.md` is a flat article; its comments are `<slug>.comments.json`.
/// - Hidden files and folders (starting with `.`) and `_index.md` files are skipped.
struct ContentTree {
    let root: URL
    private(set) var articles: [ArticleFile] = []
    private(set) var diagnostics: [Diagnostic] = []

    /// Folders nested deeper than this are not read (a guard against symbolic link loops).
    static let maxDepth = 32

    /// Scans `root/content`.
    init(siteAt root: URL) {
        self.root = root
        let content = root.appendingPathComponent("content", isDirectory: true)
        guard Self.isDirectory(content.path) else {
            diagnostics.append(.warning(at: nil, "no content/ folder: the site has no articles"))
            return
        }
        scan(content.path, path: [])
        // By bytes: `String`'s Unicode-aware `<` made this sort the scan's largest cost.
        articles.sort { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
    }

    private mutating func scan(_ folder: String, path: [String]) {
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
                    commentsFile: files.contains("comments.json") ? relative(path + ["comments.json"]) : nil))
            } else {
                diagnostics.append(.error(
                    at: SourceLocation(file: "content/index.md"), "an article needs a folder or file name of its own",
                    hint: "move it to content/<section>/<slug>/index.md; the home page is generated"))
            }
        }
        for name in files where name.hasSuffix(".md") && name != "index.md" && name != "_index.md" {
            let slug = String(name.dropLast(3))
            guard !slug.isEmpty else { continue }
            let comments = slug + ".comments.json"
            articles.append(ArticleFile(
                file: relative(path + [name]), section: path, slug: slug, bundleDirectory: nil, resources: [],
                commentsFile: files.contains(comments) ? relative(path + [comments]) : nil))
        }
        for name in folders {
            scan(folder + "/" + name, path: path + [name])
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
        !(name.hasSuffix(".md") || name == "comments.json" || name.hasSuffix(".comments.json"))
    }

    /// The visible files and folders of `folder`, each sorted by name. Read with `readdir`,
    /// whose entry types save a `stat` per file (10,000 bundles make this the scan's cost).
    private static func entries(of folder: String) -> (files: [String], folders: [String]) {
        guard let directory = opendir(folder) else { return ([], []) }
        defer { closedir(directory) }
        var files: [String] = [], folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                raw.baseAddress.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? ""
            }
            guard !name.isEmpty, !name.hasPrefix(".") else { continue }
            let type = entry.pointee.d_type
            let isFolder = type == UInt8(DT_DIR)
                || ((type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK)) && isDirectory(folder + "/" + name))
            if isFolder { folders.append(name) } else { files.append(name) }
        }
        return (files.sorted(), folders.sorted())
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// A path under `content/`, relative to the site folder, with `/` separators.
    private func relative(_ components: [String]) -> String {
        (["content"] + components).joined(separator: "/")
    }
}
