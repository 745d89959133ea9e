import Foundation
import Testing
@testable import Site

@Suite struct ImageSizeTests {
    @Test func readsPNGHeader() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
            + [0, 0, 0x04, 0xB0, 0, 0, 0x02, 0xA3]
        #expect(ImageSize.parse(png) == ImageSize(width: 1200, height: 675))
    }

    @Test func readsJPEGFrameAfterOtherSegments() {
        let app0: [UInt8] = [0xFF, 0xE0, 0, 6, 1, 2, 3, 4]
        let sof0: [UInt8] = [0xFF, 0xC0, 0, 17, 8, 0x01, 0xC2, 0x03, 0x20, 3] + Array(repeating: 0, count: 12)
        #expect(ImageSize.parse([0xFF, 0xD8] + app0 + sof0) == ImageSize(width: 800, height: 450))
    }

    /// Phones store a portrait as a landscape picture with an EXIF orientation that turns it:
    /// the size readers see has width and height swapped (orientations 5 to 8), in either byte order.
    @Test func aJPEGsEXIFOrientationTurnsItsSize() {
        let sof0: [UInt8] = [0xFF, 0xC0, 0, 17, 8, 0x01, 0xC2, 0x03, 0x20, 3] + Array(repeating: 0, count: 12)
        func app1(orientation: UInt8, bigEndian: Bool) -> [UInt8] {
            let tiff: [UInt8] = bigEndian
                ? [0x4D, 0x4D, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0, 0, 0]
                : [0x49, 0x49, 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0, 0, 0, 0, 0]
            let payload = Array("Exif\0\0".utf8) + tiff
            return [0xFF, 0xE1, 0, UInt8(payload.count + 2)] + payload
        }
        for bigEndian in [false, true] {
            #expect(ImageSize.parse([0xFF, 0xD8] + app1(orientation: 6, bigEndian: bigEndian) + sof0) == ImageSize(width: 450, height: 800))
            #expect(ImageSize.parse([0xFF, 0xD8] + app1(orientation: 8, bigEndian: bigEndian) + sof0) == ImageSize(width: 450, height: 800))
            #expect(ImageSize.parse([0xFF, 0xD8] + app1(orientation: 3, bigEndian: bigEndian) + sof0) == ImageSize(width: 800, height: 450))
            #expect(ImageSize.parse([0xFF, 0xD8] + app1(orientation: 1, bigEndian: bigEndian) + sof0) == ImageSize(width: 800, height: 450))
        }
        // A cut-off EXIF block is no orientation.
        let cut = Array(app1(orientation: 6, bigEndian: false).prefix(14))
        #expect(ImageSize.parse([0xFF, 0xD8, 0xFF, 0xE1, 0, 12] + cut.dropFirst(4).prefix(10) + sof0) == ImageSize(width: 800, height: 450))
    }

    @Test func aPhoneStylePortraitIsReadUpright() {
        // 1200 × 800 as stored, EXIF orientation 6 (Tests/ImagesTests/Fixtures/make_fixtures.py).
        let photo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ImagesTests/Fixtures/photo.jpg")
        #expect(ImageSize.read(photo.path) == ImageSize(width: 800, height: 1200))
    }

    @Test func readsGIFAndWebP() {
        let gif: [UInt8] = Array("GIF89a".utf8) + [0x20, 0x03, 0xC2, 0x01]
        #expect(ImageSize.parse(gif) == ImageSize(width: 800, height: 450))
        var webp: [UInt8] = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8) + Array("VP8X".utf8)
        webp += Array(repeating: 0, count: 8) + [0x1F, 0x03, 0x00, 0xC1, 0x01, 0x00]
        #expect(ImageSize.parse(webp) == ImageSize(width: 800, height: 450))
    }

    @Test func unknownOrTruncatedFilesHaveNoSize() {
        #expect(ImageSize.parse(Array("<svg xmlns=".utf8)) == nil)
        #expect(ImageSize.parse([0xFF, 0xD8, 0xFF]) == nil)
        #expect(ImageSize.parse([0x89, 0x50, 0x4E, 0x47]) == nil)
        #expect(ImageSize.parse([0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0, 0, 0, 0, 0]) == nil)
    }
}
