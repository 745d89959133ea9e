import Foundation
import FuzzSupport
@testable import Site

// Build-cache and quick-check files (`.magbuild/<output>/cache.bin`, `quick.bin`): any bytes
// decode or are refused without crashing, and what decodes writes back to bytes that decode.
// The first byte picks the decoder, so one corpus serves both.
FuzzDriver.run { data in
    let body = data.dropFirst()
    if (data.first ?? 0) & 1 == 0 {
        guard let cache = BuildCache.decode(Data(BuildCache.magic) + body).value else { return }
        var writer = CacheWriter(BuildCache.magic)
        cache.write(to: &writer)
        Invariant.require(BuildCache.decode(Data(writer.bytes)).value != nil, "a decoded cache does not decode again")
    } else {
        guard let check = QuickCheck.decode(Data(QuickCheck.magic) + body).value else { return }
        var writer = CacheWriter(QuickCheck.magic)
        check.write(to: &writer)
        Invariant.require(QuickCheck.decode(Data(writer.bytes)).value != nil, "a decoded quick check does not decode again")
    }
}
