import CVips

/// The crops made beside a picture's derivatives: a 16:9 one for teaser cards and a 1.91:1
/// one for social cards (`og:image`), cut around the picture's focus when the editor gave
/// one, else around what libvips' attention finder deems most interesting.
public enum Crop: String, Sendable, CaseIterable {
    case card, social

    /// Width over height.
    public var aspect: Double {
        switch self {
        case .card: 16.0 / 9.0
        case .social: 1200.0 / 630.0
        }
    }
}

/// Which crops to make and where to cut them.
public struct CropSettings: Sendable, Hashable {
    /// The point the crops are centred on, as fractions of the picture's width and height
    /// from its top left corner; nil: libvips' attention crop.
    public var focus: Focus?
    /// Widths of the card crop (cards are at most 24rem wide: 800 pixels serve sharp screens).
    public var cardWidths = [480, 800]
    /// Width of the social crop: 1200 × 630 is what Facebook, LinkedIn and X show largest.
    public var socialWidth = 1200

    public struct Focus: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    public init(focus: Focus? = nil) {
        self.focus = focus
    }
}

extension Derivatives {
    /// Whether a picture of `width` × `height` needs its own card crop: not when it has the
    /// card's shape already (within 2 %), as most agency photos do.
    public static func needsCardCrop(width: Int, height: Int) -> Bool {
        guard height > 0 else { return false }
        return abs(Double(width) / Double(height) / Crop.card.aspect - 1) > 0.02
    }

    /// The crop `crop` of `image` (upright, decoded), in the widths `widths` allows, each in
    /// `formats`, largest first, each handed to `deliver` as soon as it is encoded.
    static func crops(
        _ crop: Crop, of image: VipsImageRef, widths: [Int], formats: [Derivative.Format], settings: DerivativeSettings,
        focus: CropSettings.Focus?, each deliver: (Derivative) throws(ImageError) -> Void
    ) throws(ImageError) {
        let box = box(crop.aspect, width: image.width, height: image.height, focus: focus)
        guard box.width > 0, box.height > 0 else { return }
        var cut = try VipsImageRef.make { out in
            if focus == nil {
                magbuild_vips_attention_crop(image.pointer, out, Int32(box.width), Int32(box.height))
            } else {
                magbuild_vips_crop(image.pointer, out, Int32(box.left), Int32(box.top), Int32(box.width), Int32(box.height))
            }
        }
        let sizes = widths.filter { $0 < box.width }.sorted() + (box.width <= (widths.max() ?? 0) ? [box.width] : [])
        for width in sizes.reversed() {
            if cut.width > width {
                let source = cut
                cut = try VipsImageRef.make { magbuild_vips_shrink(source.pointer, $0, Int32(width)) }
            }
            for format in formats {
                var derivative = Derivative(width: cut.width, height: cut.height, format: format, bytes: try encode(cut, as: format, settings: settings))
                derivative.crop = crop
                try deliver(derivative)
            }
        }
    }

    /// The largest area of `aspect` in a `width` × `height` picture, centred on `focus` as
    /// far as the picture's edges allow (centred when there is no focus: the attention crop
    /// only uses its size).
    static func box(_ aspect: Double, width: Int, height: Int, focus: CropSettings.Focus?)
        -> (left: Int, top: Int, width: Int, height: Int) {
        let center = focus ?? CropSettings.Focus(x: 0.5, y: 0.5)
        if Double(width) / Double(height) > aspect {
            let boxWidth = min(width, Int((Double(height) * aspect).rounded()))
            let left = min(max(0, Int((center.x * Double(width)).rounded()) - boxWidth / 2), width - boxWidth)
            return (left, 0, boxWidth, height)
        }
        let boxHeight = min(height, Int((Double(width) / aspect).rounded()))
        let top = min(max(0, Int((center.y * Double(height)).rounded()) - boxHeight / 2), height - boxHeight)
        return (0, top, width, boxHeight)
    }
}
