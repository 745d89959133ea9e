import CVips
import Foundation
@testable import Images
import Testing

/// The card (16:9) and social (1.91:1) crops beside a picture's derivatives.
@Suite struct CropTests {
    @Test func theBoxIsTheLargestOfItsShapeCentredOnTheFocusWithinTheEdges() {
        // A square: the 16:9 box is as wide as the picture, moved up or down to the focus.
        #expect(Derivatives.box(16.0 / 9.0, width: 1600, height: 1600, focus: nil) == (0, 350, 1600, 900))
        #expect(Derivatives.box(16.0 / 9.0, width: 1600, height: 1600, focus: .init(x: 0.5, y: 0)) == (0, 0, 1600, 900))
        #expect(Derivatives.box(16.0 / 9.0, width: 1600, height: 1600, focus: .init(x: 0.5, y: 1)) == (0, 700, 1600, 900))
        #expect(Derivatives.box(16.0 / 9.0, width: 1600, height: 1600, focus: .init(x: 0.5, y: 0.3)) == (0, 30, 1600, 900))
        // A panorama: the box is as high as the picture, moved sideways.
        #expect(Derivatives.box(16.0 / 9.0, width: 3000, height: 900, focus: .init(x: 0.9, y: 0.5)) == (1400, 0, 1600, 900))
        #expect(Derivatives.box(16.0 / 9.0, width: 3000, height: 900, focus: .init(x: 0.1, y: 0.5)) == (0, 0, 1600, 900))
    }

    @Test func aPictureOfTheCardsShapeNeedsNoCardCrop() {
        #expect(!Derivatives.needsCardCrop(width: 1200, height: 675))
        #expect(!Derivatives.needsCardCrop(width: 2400, height: 1350))
        #expect(Derivatives.needsCardCrop(width: 2400, height: 1600))
        #expect(Derivatives.needsCardCrop(width: 800, height: 1200))
    }

    @Test func aPortraitGetsACardAndASocialCropNeverEnlarged() throws {
        let photo = DerivativesTests.fixture("photo.jpg")  // 800 × 1200 upright
        let made = try Derivatives.make(photo, info: try ImageInfo.read(photo), settings: DerivativeSettings(), crops: CropSettings())
        let card = made.filter { $0.crop == .card }.map { "\($0.width)x\($0.height).\($0.format.rawValue)" }
        #expect(card == ["800x450.jpeg", "800x450.webp", "480x270.jpeg", "480x270.webp"])
        let social = made.filter { $0.crop == .social }.map { "\($0.width)x\($0.height).\($0.format.rawValue)" }
        #expect(social == ["800x420.jpeg"], "as wide as the picture, in its own format only")
        for crop in made where crop.crop != nil {
            let read = try DerivativesTests.readBack(crop.bytes)
            #expect(read.width == crop.width && read.height == crop.height)
            #expect(!read.metadata.contains { $0.hasPrefix("exif-ifd3") || $0.hasPrefix("iptc") || $0.hasPrefix("xmp") })
        }
    }

    @Test func theFocusDecidesWhatTheCropsKeep() throws {
        let halves = DerivativesTests.fixture("halves.png")  // 900 × 600, black above, white below
        let info = try ImageInfo.read(halves)
        func socialMean(_ focus: CropSettings.Focus?) throws -> Double {
            let made = try Derivatives.make(halves, info: info, settings: DerivativeSettings(), crops: CropSettings(focus: focus))
            let social = try #require(made.first { $0.crop == .social })
            #expect(social.format == .png && social.width == 900 && social.height == 473)
            return try Self.mean(social.bytes)
        }
        // The 473 rows of the crop hold the white rows 300…599 that fall into it.
        func expected(top: Int) -> Double { 255 * Double(min(600, top + 473) - max(300, top)) / 473 }
        #expect(abs(try socialMean(.init(x: 0.5, y: 1)) - expected(top: 127)) < 4, "cut from the bottom: mostly white")
        #expect(abs(try socialMean(.init(x: 0.5, y: 0)) - expected(top: 0)) < 4, "cut from the top: mostly black")
        #expect(abs(try socialMean(.init(x: 0.5, y: 0.5)) - expected(top: 64)) < 4, "centred: half and half")
        let made = try Derivatives.make(halves, info: info, settings: DerivativeSettings(), crops: CropSettings())
        #expect(made.contains { $0.crop == .card && $0.width == 800 && $0.height == 450 }, "3:2 needs a card crop")
    }

    /// The mean pixel value of an encoded picture.
    static func mean(_ bytes: [UInt8]) throws -> Double {
        try DerivativesTests.opened(bytes) { image in
            var mean = 0.0
            #expect(magbuild_vips_average(image, &mean) == 0)
            return mean
        }
    }
}
