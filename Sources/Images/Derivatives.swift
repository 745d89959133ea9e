import CVips

/// How derivatives are made: the widths (never more than the picture has), the formats
/// beside the original's, and each encoder's quality and effort (chosen by measurement,
/// BENCHMARKS.md "Images").
public struct DerivativeSettings: Sendable, Hashable {
    public var widths = [480, 800, 1200, 1600, 2400]
    public var jpegQuality = 80
    public var webpQuality = 78
    /// libvips' WebP effort (0–6). Its default, 4, saves a tenth of the bytes of 2 at twice
    /// the time (2.3 times at 1200 pixels); at 2 a photo's ten derivatives take about half a
    /// second of one core (BENCHMARKS.md, "Pictures").
    public var webpEffort = 2
    /// AVIF beside WebP, where this libvips can encode it (``Derivatives/canEncodeAVIF``):
    /// 40 % smaller than WebP, 5 times its time at effort 2.
    public var avif = false
    public var avifQuality = 55
    public var avifEffort = 2

    public init() {}
}

/// One derivative of a picture: its encoded bytes and size.
public struct Derivative: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable {
        case jpeg, png, webp, avif

        public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }
        public var mediaType: String { "image/\(rawValue)" }
    }

    public var width: Int
    public var height: Int
    public var format: Format
    public var bytes: [UInt8]
    /// The crop it is a width of; nil for the whole picture.
    public var crop: Crop? = nil
}

public enum Derivatives {
    /// Whether this machine's libvips encodes AVIF (checked once, by encoding a small picture).
    public static let canEncodeAVIF: Bool = {
        guard (try? Vips.start()) != nil else { return false }
        return magbuild_vips_can_encode_avif() != 0
    }()

    /// What makes derivatives: this libvips and the version of magbuild's way of making them
    /// (part of the picture store's keys, so that an upgrade makes pictures anew).
    public static let version: String = {
        _ = try? Vips.start()
        return "libvips \(String(cString: vips_version_string())) derivatives 1"
    }()

    /// How many libvips threads work on each picture from now on: set once, before pictures
    /// are made (libvips keeps one number for the process).
    public static func useThreads(_ count: Int) {
        guard (try? Vips.start()) != nil else { return }
        Vips.setThreads(count)
    }

    /// The widths `settings` gives a picture `width` pixels wide: those below it, and the
    /// picture's own width when it is narrower than the largest (a picture is never enlarged).
    public static func widths(for width: Int, settings: DerivativeSettings) -> [Int] {
        let below = settings.widths.filter { $0 < width }.sorted()
        return width <= (settings.widths.max() ?? width) ? below + [width] : below
    }

    /// The formats of a picture's derivatives: JPEG, or PNG for a PNG or a picture with
    /// transparency (which JPEG would lose), and WebP (and AVIF when asked for), the most
    /// compact last.
    public static func formats(for info: ImageInfo, settings: DerivativeSettings) -> [Derivative.Format] {
        [info.format == .png || info.hasAlpha ? .png : .jpeg, .webp] + (settings.avif && canEncodeAVIF ? [.avif] : [])
    }

    /// Every derivative of the picture at `path`: for each width of ``widths(for:settings:)``,
    /// largest first, one file per format of ``formats(for:settings:)``. The picture is decoded
    /// once (shrunk while decoding where the format allows), turned upright, converted to sRGB
    /// when it has a colour profile, and each smaller width is made from the one above it.
    /// Derivatives carry no metadata. ``useThreads(_:)`` says how many libvips threads work on it.
    /// - Throws: ``ImageError`` for a picture that cannot be read or is too large.
    /// With `crops`, the card crop (when ``needsCardCrop(width:height:)``) and the social crop
    /// follow, made from the largest derivative (``crops(_:of:widths:formats:settings:focus:)``);
    /// the social crop only in the original's format, which every social network reads.
    public static func make(
        _ path: String, info: ImageInfo, settings: DerivativeSettings, crops: CropSettings? = nil
    ) throws(ImageError) -> [Derivative] {
        try Vips.start()
        guard info.width * info.height <= ImageLimits.maximumPixels else { throw .tooLarge(width: info.width, height: info.height) }
        let widths = widths(for: info.width, settings: settings).reversed()
        let formats = formats(for: info, settings: settings)
        guard let largest = widths.first else { return [] }
        let decoded = try VipsImageRef.make { magbuild_vips_thumbnail(path, $0, Int32(largest)) }
        // The picture as decoded, whatever `info` said (the file may have changed since).
        guard decoded.width * decoded.height <= ImageLimits.maximumPixels else {
            throw .tooLarge(width: decoded.width, height: decoded.height)
        }
        guard let plain = magbuild_vips_plain_copy(decoded.pointer) else { throw .unreadable(Vips.takeError()) }
        var image = VipsImageRef(plain)
        let full = image
        var derivatives: [Derivative] = []
        for width in widths {
            if image.width > width {
                let source = image
                image = try VipsImageRef.make { magbuild_vips_shrink(source.pointer, $0, Int32(width)) }
            }
            for format in formats {
                derivatives.append(Derivative(width: image.width, height: image.height, format: format, bytes: try encode(image, as: format, settings: settings)))
            }
        }
        if let crops {
            if needsCardCrop(width: full.width, height: full.height) {
                derivatives += try self.crops(.card, of: full, widths: crops.cardWidths, formats: formats, settings: settings, focus: crops.focus)
            }
            derivatives += try self.crops(
                .social, of: full, widths: [crops.socialWidth], formats: Array(formats.prefix(1)), settings: settings, focus: crops.focus)
        }
        return derivatives
    }

    static func encode(_ image: VipsImageRef, as format: Derivative.Format, settings: DerivativeSettings) throws(ImageError) -> [UInt8] {
        try image.encode { image, buffer, length in
            switch format {
            case .jpeg: magbuild_vips_save_jpeg(image, buffer, length, Int32(settings.jpegQuality))
            case .png: magbuild_vips_save_png(image, buffer, length)
            case .webp: magbuild_vips_save_webp(image, buffer, length, Int32(settings.webpQuality), Int32(settings.webpEffort))
            case .avif: magbuild_vips_save_avif(image, buffer, length, Int32(settings.avifQuality), Int32(settings.avifEffort))
            }
        }
    }
}
