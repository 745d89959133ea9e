import Foundation

/// The pixel size of a PNG, JPEG, GIF or WebP file, read from its header, so that
/// templates can give `<img>` a width and height and pages do not shift while loading.
struct ImageSize: Sendable, Hashable {
    let width: Int
    let height: Int

    /// Reads the size of the image at `path`; nil for unknown formats, SVGs and unreadable files.
    static func read(_ path: String) -> ImageSize? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 512 * 1024) else { return nil }
        return parse([UInt8](data))
    }

    static func parse(_ b: [UInt8]) -> ImageSize? {
        if b.count >= 24, b.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            return valid(bigEndian(b, 16, 4), bigEndian(b, 20, 4))
        }
        if b.count >= 10, b.starts(with: Array("GIF8".utf8)) {
            return valid(Int(b[6]) | Int(b[7]) << 8, Int(b[8]) | Int(b[9]) << 8)
        }
        if b.count >= 30, b.starts(with: Array("RIFF".utf8)), Array(b[8..<12]) == Array("WEBP".utf8) {
            return webp(b)
        }
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xD8 { return jpeg(b) }
        return nil
    }

    /// Walks the JPEG markers up to the first start-of-frame. The size is the one readers see:
    /// a photo whose EXIF orientation turns it by a quarter (phones store portraits so) has
    /// its width and height swapped.
    private static func jpeg(_ b: [UInt8]) -> ImageSize? {
        var i = 2
        var turned = false
        while i + 9 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
            let length = bigEndian(b, i + 2, 2)
            let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
            if isFrame {
                let (width, height) = (bigEndian(b, i + 7, 2), bigEndian(b, i + 5, 2))
                return turned ? valid(height, width) : valid(width, height)
            }
            guard length >= 2 else { return nil }
            if marker == 0xE1, let orientation = exifOrientation(b, from: i + 4, to: min(b.count, i + 2 + length)) {
                turned = (5...8).contains(orientation)
            }
            i += 2 + length
        }
        return nil
    }

    /// The orientation (tag 0x0112 of the first IFD) of an APP1 segment's `Exif` block in
    /// `b[start..<end]`; nil when it has none.
    private static func exifOrientation(_ b: [UInt8], from start: Int, to end: Int) -> Int? {
        guard end - start >= 14, Array(b[start..<start + 6]) == Array("Exif\0\0".utf8) else { return nil }
        let tiff = start + 6
        let little: Bool
        switch (b[tiff], b[tiff + 1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        func number(_ at: Int, _ count: Int) -> Int? {
            guard at >= tiff, at + count <= end else { return nil }
            return little ? littleEndian(b, at, count) : bigEndian(b, at, count)
        }
        guard let offset = number(tiff + 4, 4), let entries = number(tiff + offset, 2) else { return nil }
        for entry in 0..<min(entries, 256) {
            let at = tiff + offset + 2 + 12 * entry
            guard let tag = number(at, 2) else { return nil }
            if tag == 0x0112 { return number(at + 8, 2) }
        }
        return nil
    }

    private static func webp(_ b: [UInt8]) -> ImageSize? {
        switch String(decoding: b[12..<16], as: UTF8.self) {
        case "VP8X":
            return valid(littleEndian(b, 24, 3) + 1, littleEndian(b, 27, 3) + 1)
        case "VP8L":
            let bits = littleEndian(b, 21, 4)
            return valid((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        case "VP8 ":
            return valid(littleEndian(b, 26, 2) & 0x3FFF, littleEndian(b, 28, 2) & 0x3FFF)
        default:
            return nil
        }
    }

    private static func bigEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int {
        guard at + count <= b.count else { return 0 }
        return b[at..<at + count].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int {
        guard at + count <= b.count else { return 0 }
        return b[at..<at + count].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    private static func valid(_ width: Int, _ height: Int) -> ImageSize? {
        width > 0 && height > 0 && width < 100_000 && height < 100_000 ? ImageSize(width: width, height: height) : nil
    }
}
