import CXXHash

/// The bytes a ``DigestHasher`` was given, gathered in a fixed buffer inside the hasher and
/// handed to XXH3 a chunk at a time: a page key combines hundreds of small values, and one
/// XXH3 call per value (or an allocation per hasher) would cost more than the hashing.
/// Once the buffer has overflowed, an XXH3 streaming state holds everything before it.
struct DigestBuffer: Sendable {
    /// 512 bytes: 8 × 8 words, enough for most page keys to be hashed in one call.
    private typealias Eight = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    private typealias Words = (Eight, Eight, Eight, Eight, Eight, Eight, Eight, Eight)
    static let size = MemoryLayout<Words>.size
    private static let zero: Eight = (0, 0, 0, 0, 0, 0, 0, 0)

    private var words: Words = (zero, zero, zero, zero, zero, zero, zero, zero)
    private var count = 0
    /// All bytes before the buffer's; nil while everything fitted in the buffer.
    private var stream: DigestStream?

    @inline(__always)
    mutating func append<Word: FixedWidthInteger>(_ value: Word) {
        if count + MemoryLayout<Word>.size > Self.size { flush() }
        let offset = count
        withUnsafeMutableBytes(of: &words) { $0.storeBytes(of: value, toByteOffset: offset, as: Word.self) }
        count += MemoryLayout<Word>.size
    }

    mutating func append(_ input: UnsafeRawBufferPointer) {
        guard let source = input.baseAddress, !input.isEmpty else { return }
        if count + input.count > Self.size { flush() }
        if input.count <= Self.size {
            let offset = count
            withUnsafeMutableBytes(of: &words) { ($0.baseAddress! + offset).copyMemory(from: source, byteCount: input.count) }
            count += input.count
        } else {
            uniqueStream().update(input)
        }
    }

    /// The XXH3-128 hash of every byte appended.
    func digest() -> Digest {
        withUnsafeBytes(of: words) { buffer in
            let pending = UnsafeRawBufferPointer(rebasing: buffer[..<count])
            guard let stream else { return Digest.of(pending) }
            return stream.digest(appending: pending)
        }
    }

    @inline(never)
    private mutating func flush() {
        let stream = uniqueStream()
        withUnsafeBytes(of: words) { stream.update(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        count = 0
    }

    /// The streaming state, made or copied first unless this buffer is its only owner.
    private mutating func uniqueStream() -> DigestStream {
        if isKnownUniquelyReferenced(&stream), let stream { return stream }
        let unique = stream?.copy() ?? DigestStream()
        stream = unique
        return unique
    }
}

/// An XXH3-128 streaming state.
///
/// `@unchecked Sendable`: only a ``DigestBuffer`` holding the sole reference updates it (a
/// buffer copies the state first otherwise), and ``digest(appending:)`` only reads it, so no
/// two threads ever touch it while one of them writes.
final class DigestStream: @unchecked Sendable {
    private let state: OpaquePointer

    init() {
        state = Self.newState()
        XXH3_128bits_reset(state)
    }

    private init(copying other: OpaquePointer) {
        state = Self.newState()
        XXH3_copyState(state, other)
    }

    deinit { XXH3_freeState(state) }

    func copy() -> DigestStream { DigestStream(copying: state) }

    func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        XXH3_128bits_update(state, base, bytes.count)
    }

    /// The hash of the bytes so far followed by `last`, leaving this state as it is.
    func digest(appending last: UnsafeRawBufferPointer) -> Digest {
        let copy = self.copy()
        copy.update(last)
        return Digest(XXH3_128bits_digest(copy.state))
    }

    private static func newState() -> OpaquePointer {
        guard let state = XXH3_createState() else { fatalError("magbuild: out of memory for a hash state") }
        return state
    }
}
