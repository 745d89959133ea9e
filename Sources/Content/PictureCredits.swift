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
