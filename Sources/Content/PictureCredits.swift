import Basics
import Foundation
import Images

/// The credit of a picture whose front matter names none, from the picture's own metadata
/// (agencies write photographer and agency into IPTC or XMP: ``EmbeddedCredit``), labelled
/// in the site's language: `Foto: Erika Muster/dpa`.
struct PictureCredits {
    let site: URL
    /// The article's bundle folder, where a relative `src` is.
    let bundleDirectory: String?
    let language: String

    /// The credit of the local picture at `src`; nil for a remote picture or one without a credit.
    func credit(of src: String) -> String? {
        guard let file = ArticleSource.localFile(src, bundleDirectory: bundleDirectory, site: site),
              let line = (try? ImageInfo.read(file.path))?.credit.line
        else { return nil }
        return (language.lowercased().hasPrefix("de") ? "Foto: " : "Photo: ") + line
    }
}

extension ArticleSource {
    /// The local file of a picture an article shows (its lead image, a figure of its body): a
    /// relative `src` is in the article's bundle, a root path (`/static/…` or `/…`) under
    /// `static/`; nil for remote pictures, for a path that climbs out with `..` and for a
    /// relative `src` of an article without a bundle.
    public static func localFile(_ src: String, bundleDirectory: String?, site: URL) -> URL? {
        guard !src.contains("://"), !src.hasPrefix("//"), !src.hasPrefix("data:"),
              !src.split(separator: "/").contains("..") else { return nil }
        if src.hasPrefix("/") {
            let path = src.hasPrefix("/static/") ? String(src.dropFirst("/static/".count)) : String(src.dropFirst())
            return site.appendingPathComponent(SiteLayout.staticFiles).appendingPathComponent(path)
        }
        guard let bundle = bundleDirectory else { return nil }
        return site.appendingPathComponent(bundle).appendingPathComponent(src)
    }
}
