import Foundation
import FuzzSupport
@testable import Site

// The first bytes of an image file → its pixel size (PNG, JPEG, GIF, WebP headers).
// - Any bytes are read without a crash or an out-of-bounds access.
// - A size found is plausible: both sides from 1 to 99,999 pixels.
// - A size found depends only on the bytes read so far: more bytes after them never change it
//   (magbuild reads at most 512 KiB of a file).
FuzzDriver.run { data in
    let bytes = [UInt8](data)
    guard let size = ImageSize.parse(bytes) else { return }
    Invariant.require((1..<100_000).contains(size.width) && (1..<100_000).contains(size.height),
                      "implausible size \(size.width)×\(size.height)")
    let longer = bytes + bytes.reversed() + [0xFF, 0xC0, 0, 17, 8, 0, 1, 0, 1]
    Invariant.require(ImageSize.parse(longer) == size, "more bytes changed the size \(size.width)×\(size.height)")
}
