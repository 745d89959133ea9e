import Foundation
import Templates
import Testing
@testable import Site

/// Digests are XXH3-128: checked against xxhash's published sanity-check vectors, and the
/// hasher against the same hash of the framed bytes it is given.
@Suite struct DigestTests {
    /// xxhash's sanity-check input (`fillTestBuffer` of its `xsum_sanity_check.c`).
    static let sanityBuffer: [UInt8] = {
        var generator: UInt64 = 2_654_435_761
        return (0..<2367).map { _ in
            defer { generator &*= 11_400_714_785_074_694_797 }
            return UInt8(truncatingIfNeeded: generator >> 56)
        }
    }()

    /// xxhash 0.8's XXH3_128bits vectors for seed 0: length of the sanity buffer's prefix → (low, high).
    static let vectors: [(length: Int, low: UInt64, high: UInt64)] = [
        (0, 0x6001_C324_468D_497F, 0x99AA_06D3_0147_98D8),
        (1, 0xC44B_DFF4_074E_ECDB, 0xA6CD_5E93_9200_0F6A),
        (6, 0x3E70_39BD_DA43_CFC6, 0x082A_FE0B_8162_D12A),
        (12, 0x061A_1927_13F6_9AD9, 0x6E3E_FD8F_C780_2B18),
        (24, 0x1E70_44D2_8B1B_901D, 0x0CE9_66E4_678D_3761),
        (48, 0xF942_219A_ED80_F67B, 0xA002_AC4E_5478_227E),
        (81, 0x5E8B_AFB9_F95F_B803, 0x4952_F581_81AB_0042),
        (222, 0xF1AE_BD59_7CEC_6B3A, 0x337E_0964_1B94_8717),
        (403, 0xCDEB_804D_65C6_DEA4, 0x1B6D_E21E_332D_D73D),
        (512, 0x617E_4959_9013_CB6B, 0x18D2_D110_DCC9_BCA1),
        (2048, 0xDD59_E2C3_A5F0_38E0, 0xF736_557F_D470_73A5),
        (2240, 0x6E73_A905_39CF_2948, 0xCCB1_34FB_FA7C_E49D),
        (2367, 0xCB37_AEB9_E5D3_61ED, 0xE89C_0F6F_F369_B427),
    ]

    @Test func digestsAreXXH3OfThePublishedVectors() {
        for vector in Self.vectors {
            let digest = Digest.of(Data(Self.sanityBuffer.prefix(vector.length)))
            #expect(digest == Digest(high: vector.high, low: vector.low), "length \(vector.length)")
        }
    }

    @Test func theDescriptionIsWhatXXH128SumPrints() {
        // `printf abc | xxh128sum`
        #expect(Digest.of(Data("abc".utf8)).description == "06b05ab6733a618578af5f94892f3950")
        #expect(Digest.of(Data()).description == "99aa06d3014798d86001c324468d497f")
    }

    /// Framed as a little-endian 64-bit length and the bytes.
    static func framed(_ parts: [[UInt8]]) -> Data {
        var bytes: [UInt8] = []
        for part in parts {
            withUnsafeBytes(of: UInt64(part.count).littleEndian) { bytes += $0 }
            bytes += part
        }
        return Data(bytes)
    }

    @Test(arguments: [0, 1, 7, 300, 511, 512, 513, 1500, 2367])
    func theHasherHashesTheFramedBytesWhateverTheirSize(length: Int) {
        // Small values through the buffer, then one value of `length` bytes (across the buffer's end or past it).
        let big = Array(Self.sanityBuffer.prefix(length))
        let small = (0..<40).map { Array(Self.sanityBuffer[$0..<($0 + $0 % 9)]) }
        var hasher = DigestHasher()
        for part in small { hasher.combine(Data(part)) }
        hasher.combine(Data(big))
        #expect(hasher.finalize() == Digest.of(Self.framed(small + [big])))
    }

    @Test func aCopiedHasherGoesOnAlone() {
        var first = DigestHasher(tag: "t")
        first.combine(Data(Self.sanityBuffer))
        var second = first
        first.combine("a")
        second.combine("b")
        var expected = DigestHasher(tag: "t")
        expected.combine(Data(Self.sanityBuffer))
        let before = expected
        expected.combine("a")
        #expect(first.finalize() == expected.finalize())
        #expect(first.finalize() != second.finalize())
        #expect(before.finalize() == Digest.of(Self.framed([Array("t".utf8), Self.sanityBuffer])))
    }

    func digest(_ build: (inout DigestHasher) -> Void) -> Digest {
        var hasher = DigestHasher()
        build(&hasher)
        return hasher.finalize()
    }

    @Test func valuesAreFramed() {
        #expect(digest { $0.combine("ab"); $0.combine("c") } != digest { $0.combine("a"); $0.combine("bc") })
        #expect(digest { $0.combine("") } != digest { _ in })
        #expect(digest { $0.combine(String?.none) } != digest { $0.combine(String?.some("")) })
        #expect(digest { $0.combine(1) } != digest { $0.combine(1.0) })
        #expect(digest { $0.combine(true) } != digest { $0.combine(false) })
        #expect(digest { $0.combine(Value.string("a")) } != digest { $0.combine(Value.safe("a")) })
        #expect(
            digest { $0.combine(Value.array([.string("a"), .string("b")])) }
                != digest { $0.combine(Value.array([.string("ab")])) })
    }

    @Test func dictionariesDigestAlikeInAnyOrder() {
        let one = Value.dict(["a": .int(1), "b": .string("x"), "c": .null])
        let other = Value.dict(["c": .null, "b": .string("x"), "a": .int(1)])
        #expect(digest { $0.combine(one) } == digest { $0.combine(other) })
        #expect(digest { $0.combine(one) } != digest { $0.combine(Value.dict(["a": .int(1), "b": .string("y"), "c": .null])) })
    }

    @Test func recordsDigestEveryKeyAndValueInOrder() {
        let keys = RecordKeys(["a", "b"]), swapped = RecordKeys(["b", "a"])
        let record = digest { $0.combine(Value.record(Record(keys, [.int(1), .string("x")]))) }
        #expect(record == digest { $0.combine(Value.record(Record(keys, [.int(1), .string("x")]))) })
        #expect(record != digest { $0.combine(Value.record(Record(keys, [.int(1), .string("y")]))) })
        #expect(record != digest { $0.combine(Value.record(Record(swapped, [.int(1), .string("x")]))) })
        #expect(record != digest { $0.combine(Value.record(Record(RecordKeys(["a", "c"]), [.int(1), .string("x")]))) })
        // A record next to other values: its entries are framed.
        #expect(digest { $0.combine(Value.array([.record(Record(keys, [.string("ab"), .string("")]))])) }
                    != digest { $0.combine(Value.array([.record(Record(keys, [.string("a"), .string("b")]))])) })
    }
}
