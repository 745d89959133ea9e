import CVips
import Foundation
@testable import Images
import Testing

/// Pictures made by `Fixtures/make_fixtures.py`, read back with libvips.
@Suite struct DerivativesTests {
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }

    /// What libvips reads from `bytes`: the loader, the size, the number of bands and which
    /// metadata blocks the file still has.
    struct ReadBack {
        var loader: String, width: Int, height: Int, bands: Int
        /// The names of every metadata field.
        var metadata: [String]
    }

    /// `body` with the picture encoded in `bytes`, opened by libvips.
    static func opened<T>(_ bytes: [UInt8], _ body: (UnsafeMutablePointer<VipsImage>) throws -> T) throws -> T {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-image-\(UUID().uuidString)")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let image = try #require(magbuild_vips_open(file.path))
        defer { magbuild_vips_release(image) }
        return try body(image)
    }

    static func readBack(_ bytes: [UInt8]) throws -> ReadBack {
        try opened(bytes) { image in try readBack(image) }
    }

    private static func readBack(_ image: UnsafeMutablePointer<VipsImage>) throws -> ReadBack {
        var loader: UnsafePointer<CChar>?
        _ = vips_image_get_string(image, "vips-loader", &loader)
        var fields: [String] = []
        if let names = vips_image_get_fields(image) {
            var index = 0
            while let name = names[index] {
                fields.append(String(cString: name))
                index += 1
            }
            g_strfreev(names)
        }
        return ReadBack(
            loader: loader.map { String(cString: $0) } ?? "", width: Int(vips_image_get_width(image)),
            height: Int(vips_image_get_height(image)), bands: Int(vips_image_get_bands(image)), metadata: fields)
    }

    @Test func aPhotoIsReadUprightWithItsCredit() throws {
        let info = try ImageInfo.read(Self.fixture("photo.jpg"))
        #expect(info.format == .jpeg)
        #expect((info.width, info.height) == (800, 1200), "EXIF orientation 6 turns the 1200 × 800 picture upright")
        #expect(info.isResizable && !info.isAnimated)
        #expect(info.credit == EmbeddedCredit(byline: "Erika Muster", credit: "dpa", copyright: "© 2026 dpa"), "IPTC wins over XMP")
        #expect(info.credit.line == "Erika Muster/dpa")
    }

    @Test func aCreditInXMPAloneIsRead() throws {
        let info = try ImageInfo.read(Self.fixture("xmp-only.jpg"))
        #expect(info.credit == EmbeddedCredit(byline: "Max Beispiel", credit: "Agentur Bild", copyright: "© 2025 Agentur Bild"))
        #expect(try ImageInfo.read(Self.fixture("small.jpg")).credit.line == nil)
    }

    @Test func derivativesAreUprightSizedAndCarryNoMetadata() throws {
        let path = Self.fixture("photo.jpg")
        let info = try ImageInfo.read(path)
        let derivatives = try Derivatives.make(path, info: info, settings: DerivativeSettings())
        #expect(derivatives.map { "\($0.width)x\($0.height).\($0.format)" } == ["800x1200.jpeg", "800x1200.webp", "480x720.jpeg", "480x720.webp"])
        for derivative in derivatives {
            let back = try Self.readBack(derivative.bytes)
            #expect(back.loader.hasPrefix(derivative.format == .jpeg ? "jpegload" : "webpload"))
            #expect((back.width, back.height) == (derivative.width, derivative.height))
            // libvips' JPEG encoder writes a minimal EXIF block of its own (resolution): nothing of
            // the photo's. WebP files, encoded by libwebp directly, carry none at all.
            let kept = back.metadata.filter { $0.hasPrefix("exif-ifd3") || ["xmp-data", "iptc-data", "icc-profile-data"].contains($0) }
            #expect(kept.isEmpty, "no GPS position, XMP, IPTC or profile: \(kept)")
            if derivative.format == .webp { #expect(!back.metadata.contains { $0.hasPrefix("exif") }, "\(back.metadata)") }
            #expect(!derivative.bytes.contains(subsequence: Array("SN-0042-4711".utf8)))
            #expect(!derivative.bytes.contains(subsequence: Array("Erika".utf8)))
        }
    }

    @Test func aPictureIsNeverEnlarged() throws {
        let path = Self.fixture("small.jpg")
        let derivatives = try Derivatives.make(path, info: try ImageInfo.read(path), settings: DerivativeSettings())
        #expect(derivatives.map { "\($0.width)x\($0.height).\($0.format)" } == ["300x200.jpeg", "300x200.webp"])
        #expect(Derivatives.widths(for: 300, settings: DerivativeSettings()) == [300])
        #expect(Derivatives.widths(for: 1000, settings: DerivativeSettings()) == [480, 800, 1000])
        #expect(Derivatives.widths(for: 2400, settings: DerivativeSettings()) == [480, 800, 1200, 1600, 2400])
        #expect(Derivatives.widths(for: 6000, settings: DerivativeSettings()) == [480, 800, 1200, 1600, 2400])
    }

    @Test func aPicturesPeakMemoryFollowsItsLargestWidthAndItsAlpha() {
        let settings = DerivativeSettings()
        let photo = ImageInfo(format: .jpeg, width: 6000, height: 4000)
        #expect(Derivatives.peakMemory(of: photo, settings: settings) == 2400 * 1600 * 8)
        let drawing = ImageInfo(format: .png, width: 2400, height: 1600, hasAlpha: true)
        #expect(Derivatives.peakMemory(of: drawing, settings: settings) == 2400 * 1600 * 24)
        let screenshot = ImageInfo(format: .png, width: 1000, height: 500)
        #expect(Derivatives.peakMemory(of: screenshot, settings: settings) == 1000 * 500 * 8)
        var avif = settings
        avif.avif = true
        #expect(Derivatives.peakMemory(of: photo, settings: avif) == 2400 * 1600 * (Derivatives.canEncodeAVIF ? 28 : 8))
        #expect(Derivatives.peakMemory(of: ImageInfo(format: .jpeg, width: 0, height: 0), settings: settings) == 0)
    }

    @Test func aTransparentPNGStaysPNGWithItsAlpha() throws {
        let path = Self.fixture("alpha.png")
        let derivatives = try Derivatives.make(path, info: try ImageInfo.read(path), settings: DerivativeSettings())
        #expect(derivatives.map { "\($0.width).\($0.format)" } == ["900.png", "900.webp", "800.png", "800.webp", "480.png", "480.webp"])
        for derivative in derivatives { #expect(try Self.readBack(derivative.bytes).bands == 4) }
    }

    @Test func brokenFilesAreRefusedWithAReason() throws {
        #expect(throws: ImageError.self) { try ImageInfo.read(Self.fixture("not-an-image.jpg")) }
        #expect(throws: ImageError.self) { try ImageInfo.read(Self.fixture("missing.jpg")) }
        let truncated = Self.fixture("truncated.jpg")
        // The header is whole; the pixels run out.
        let info = try ImageInfo.read(truncated)
        #expect(throws: ImageError.self) { try Derivatives.make(truncated, info: info, settings: DerivativeSettings()) }
        do {
            _ = try Derivatives.make(truncated, info: info, settings: DerivativeSettings())
        } catch {
            #expect("\(error)".contains("cannot read this image"))
        }
    }

    @Test func aHugePictureIsRefusedBeforeItsPixelsAreDecoded() throws {
        #expect(throws: ImageError.tooLarge(width: 20000, height: 20000)) { try ImageInfo.read(Self.fixture("bomb.png")) }
        #expect("\(ImageError.tooLarge(width: 20000, height: 20000))".contains("20000 × 20000 pixels"))
        // Derivatives are refused for what the header says, before anything is decoded.
        var forged = try ImageInfo.read(Self.fixture("small.jpg"))
        (forged.width, forged.height) = (20000, 20000)
        #expect(throws: ImageError.tooLarge(width: 20000, height: 20000)) {
            try Derivatives.make(Self.fixture("bomb.png"), info: forged, settings: DerivativeSettings())
        }
    }

    @Test func aTransparentWebPGetsPNGDerivatives() throws {
        let png = Self.fixture("alpha.png")
        let webp = try #require(try Derivatives.make(png, info: try ImageInfo.read(png), settings: DerivativeSettings()).first { $0.format == .webp })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-alpha-\(UUID().uuidString).webp")
        try Data(webp.bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let info = try ImageInfo.read(file.path)
        #expect(info.format == .webp && info.hasAlpha)
        #expect(Derivatives.formats(for: info, settings: DerivativeSettings()) == [.png, .webp], "JPEG would lose the transparency")
        #expect(try !ImageInfo.read(Self.fixture("small.jpg")).hasAlpha)
    }

    @Test func onlyRegularFilesAreRead() throws {
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("magbuild-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        #expect(throws: ImageError.unreadable("not a file")) { try ImageInfo.read(fifo) }
        #expect(throws: ImageError.unreadable("not a file")) { try ImageInfo.read(FileManager.default.temporaryDirectory.path) }
    }

    @Test func iptcFieldsAfterBytesThatOnlyLookLikeADatasetAreFound() {
        // `1C 02` inside another resource, with a length past the end, then the real By-line.
        let decoy: [UInt8] = [0x38, 0x42, 0x49, 0x4D, 0x1C, 0x02, 0x50, 0x7F, 0xFF]
        let byline: [UInt8] = [0x1C, 0x02, 80, 0, 5] + Array("Erika".utf8)
        #expect(EmbeddedCredit.iptc(decoy + byline).byline == "Erika")
    }
}

extension Array where Element == UInt8 {
    func contains(subsequence: [UInt8]) -> Bool {
        guard !subsequence.isEmpty, subsequence.count <= count else { return false }
        return (0...(count - subsequence.count)).contains { self[$0..<$0 + subsequence.count].elementsEqual(subsequence) }
    }
}

extension DerivativesTests {
    @Test func avifIsMadeOnlyWhenAskedForAndPossible() throws {
        let path = Self.fixture("small.jpg")
        let info = try ImageInfo.read(path)
        var settings = DerivativeSettings()
        #expect(Derivatives.formats(for: info, settings: settings) == [.jpeg, .webp])
        settings.avif = true
        let formats = Derivatives.formats(for: info, settings: settings)
        #expect(formats == (Derivatives.canEncodeAVIF ? [.jpeg, .webp, .avif] : [.jpeg, .webp]))
        if Derivatives.canEncodeAVIF {
            let avif = try #require(try Derivatives.make(path, info: info, settings: settings).first { $0.format == .avif })
            #expect(try Self.readBack(avif.bytes).loader.hasPrefix("heifload"))
        }
    }
}
