/// Why an image could not be processed; the build names the image's file with it.
public enum ImageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// libvips could not start (it is missing or broken).
    case libraryUnavailable(String)
    /// The file is not an image libvips can read, or it is corrupt or cut off.
    case unreadable(String)
    /// The image has more pixels than ``ImageLimits/maximumPixels`` (a camera's raw export,
    /// or a small file that claims enormous dimensions).
    case tooLarge(width: Int, height: Int)
    /// The derivatives could not be written (the disk is full, the folder is read-only).
    case unwritable(String)

    public var description: String {
        switch self {
        case .libraryUnavailable(let reason):
            "libvips could not start (\(reason)); install libvips (Debian: libvips-dev, `make build` does it)"
        case .unreadable(let reason):
            "cannot read this image (\(reason)); open it in an image editor and save it again as JPEG, PNG or WebP"
        case .tooLarge(let width, let height):
            "the image is \(width) × \(height) pixels, more than magbuild processes (\(ImageLimits.maximumPixels / 1_000_000) megapixels); "
                + "export it smaller (2400 pixels wide is plenty for the web)"
        case .unwritable(let reason):
            "cannot store the image's derivatives (\(reason)); check that the disk has room and the folder is writable"
        }
    }
}

/// The limits that keep one image from taking the build's memory.
public enum ImageLimits {
    /// Larger images are refused before their pixels are decoded: 100 megapixels (a 12,000 ×
    /// 8,000 photo) is beyond any camera a magazine's photographers use for the web.
    public static let maximumPixels = 100_000_000
}
