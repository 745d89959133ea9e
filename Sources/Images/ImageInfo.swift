import CVips
import Foundation

/// What the build needs to know of a picture before making its derivatives: its format,
/// its upright size, whether it is animated, and the credit its metadata carries.
public struct ImageInfo: Sendable, Equatable {
    public enum Format: String, Sendable {
        case jpeg, png, webp, gif, svg, heif, other
    }

    public var format: Format
    /// The size as readers see it: after the EXIF orientation is applied.
    public var width: Int
    public var height: Int
    /// More than one frame (an animated GIF or WebP).
    public var isAnimated: Bool
    /// It has an alpha channel (transparency).
    public var hasAlpha: Bool
    /// The credit its IPTC or XMP metadata gives (``EmbeddedCredit``).
    public var credit: EmbeddedCredit

    public init(format: Format, width: Int, height: Int, isAnimated: Bool = false, hasAlpha: Bool = false, credit: EmbeddedCredit = EmbeddedCredit()) {
        self.format = format
        self.width = width
        self.height = height
        self.isAnimated = isAnimated
        self.hasAlpha = hasAlpha
        self.credit = credit
    }

    /// Whether derivatives are made: photos and drawings in JPEG, PNG or WebP that are not
    /// animated. Others (GIF, SVG) are published as they are.
    public var isResizable: Bool {
        !isAnimated && (format == .jpeg || format == .png || format == .webp)
    }
}

extension ImageInfo {
    /// Reads the header and metadata of the image at `path` (pixels are not decoded).
    /// - Throws: ``ImageError`` for a file that is no readable image, or one too large.
    public static func read(_ path: String) throws(ImageError) -> ImageInfo {
        try Vips.start()
        // A folder, a FIFO or a device is no picture (and opening a FIFO would wait forever).
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { throw .unreadable("not a file") }
        guard let opened = magbuild_vips_open(path) else { throw .unreadable(Vips.takeError()) }
        let image = VipsImageRef(opened)
        let loader = image.string("vips-loader") ?? ""
        let format: Format = switch loader.replacingOccurrences(of: "_source", with: "").replacingOccurrences(of: "_buffer", with: "") {
        case "jpegload": .jpeg
        case "pngload": .png
        case "webpload": .webp
        case "gifload": .gif
        case "svgload": .svg
        case "heifload": .heif
        default: .other
        }
        let pages = image.int("n-pages") ?? 1
        // Orientations 5 to 8 turn the picture by a quarter.
        let turned = (image.int("orientation") ?? 1) >= 5
        let (width, height) = turned ? (image.height, image.width) : (image.width, image.height)
        guard width * height <= ImageLimits.maximumPixels else { throw .tooLarge(width: width, height: height) }
        return ImageInfo(
            format: format, width: width, height: height, isAnimated: pages > 1, hasAlpha: vips_image_hasalpha(image.pointer) != 0,
            credit: EmbeddedCredit(iptc: image.blob("iptc-data"), xmp: image.blob("xmp-data")))
    }
}
