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
        return "libvips \(String(cString: vips_version_string())) derivatives 2"
    }()

    /// How many libvips threads work on each picture from now on: set once, before pictures
    /// are made (libvips keeps one number for the process).
    public static func useThreads(_ count: Int) {
        guard (try? Vips.start()) != nil else { return }
        Vips.setThreads(count)
    }

    /// Gives the memory libvips and its encoders freed back to the system (glibc keeps it for
    /// reuse, an arena per thread): called after each picture, it keeps a build's peak memory
    /// near what the pictures in flight need.
    public static func releaseFreedMemory() {
        magbuild_release_freed_memory()
    }

    /// The widths `settings` gives a picture `width` pixels wide: those below it, and the
    /// picture's own width when it is narrower than the largest (a picture is never enlarged).
    public static func widths(for width: Int, settings: DerivativeSettings) -> [Int] {
        let below = settings.widths.filter { $0 < width }.sorted()
        return width <= (settings.widths.max() ?? width) ? below + [width] : below
    }

    /// About the most memory making a picture's derivatives needs at one time, in bytes: per
    /// pixel of its largest derivative, 8 for a photo in JPEG and WebP, 24 for a picture with
    /// transparency (libwebp compresses the alpha plane losslessly, with buffers several times
    /// its size) and 28 with AVIF (libaom's). Measured with libvips 8.14 on 2400 × 1600
    /// pictures: 30, 90 and 95 MB (BENCHMARKS.md, "Pictures and memory"). The build makes no
    /// more pictures at once than its memory budget allows.
    public static func peakMemory(of info: ImageInfo, settings: DerivativeSettings) -> Int {
        guard let largest = widths(for: info.width, settings: settings).last, info.width > 0 else { return 0 }
        let pixels = largest * max(1, info.height * largest / info.width)
        let perPixel = settings.avif && canEncodeAVIF ? 28 : info.hasAlpha ? 24 : 8
        return pixels * perPixel
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
    /// With `crops`, the card crop (when ``needsCardCrop(width:height:)``) and the social crop
    /// follow, made from the largest derivative (``crops(_:of:widths:formats:settings:focus:each:)``);
    /// the social crop only in the original's format, which every social network reads.
    /// Each derivative is handed to `deliver` as soon as it is encoded, so that its bytes need
    /// not be kept while the others are made (a drawing's PNGs come to 17 MB).
    /// - Throws: ``ImageError`` for a picture that cannot be read or is too large, or what
    ///   `deliver` throws.
    public static func make(
        _ path: String, info: ImageInfo, settings: DerivativeSettings, crops: CropSettings? = nil,
        each deliver: (Derivative) throws(ImageError) -> Void
    ) throws(ImageError) {
        try Vips.start()
        guard info.width * info.height <= ImageLimits.maximumPixels else { throw .tooLarge(width: info.width, height: info.height) }
        let widths = widths(for: info.width, settings: settings).reversed()
        let formats = formats(for: info, settings: settings)
        guard let largest = widths.first else { return }
        let full = try decode(path, width: largest)
        var image = full
        for width in widths {
            if image.width > width {
                let source = image
                image = try VipsImageRef.make { magbuild_vips_shrink(source.pointer, $0, Int32(width)) }
            }
            for format in formats {
                try deliver(Derivative(width: image.width, height: image.height, format: format, bytes: try encode(image, as: format, settings: settings)))
            }
        }
        guard let crops else { return }
        if needsCardCrop(width: full.width, height: full.height) {
            try self.crops(.card, of: full, widths: crops.cardWidths, formats: formats, settings: settings, focus: crops.focus, each: deliver)
        }
        try self.crops(
            .social, of: full, widths: [crops.socialWidth], formats: Array(formats.prefix(1)), settings: settings, focus: crops.focus,
            each: deliver)
    }

    /// ``make(_:info:settings:crops:each:)``'s derivatives, all in one array.
    public static func make(
        _ path: String, info: ImageInfo, settings: DerivativeSettings, crops: CropSettings? = nil
    ) throws(ImageError) -> [Derivative] {
        var derivatives: [Derivative] = []
        try make(path, info: info, settings: settings, crops: crops) { derivatives.append($0) }
        return derivatives
    }

    /// The picture at `path` decoded into memory, `width` pixels wide at most, without metadata.
    private static func decode(_ path: String, width: Int) throws(ImageError) -> VipsImageRef {
        let decoded = try VipsImageRef.make { magbuild_vips_thumbnail(path, $0, Int32(width)) }
        // The picture as decoded, whatever `info` said (the file may have changed since).
        guard decoded.width * decoded.height <= ImageLimits.maximumPixels else {
            throw .tooLarge(width: decoded.width, height: decoded.height)
        }
        guard let plain = magbuild_vips_plain_copy(decoded.pointer) else { throw .unreadable(Vips.takeError()) }
        return VipsImageRef(plain)
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
