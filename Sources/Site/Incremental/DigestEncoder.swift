import Foundation

/// Digests any `Encodable` value through its synthesized encoding, so every stored property
/// is in the digest without a hand-written list of fields.
///
/// Each composite value (a struct, an enum case, an array) is digested on its own and stands
/// in its parent as that fixed-size digest, so nesting cannot make two values collide. A keyed
/// container's entries are digested one by one and summed: their order does not matter, so a
/// `Dictionary`, whose order changes from run to run, digests the same every time. Unkeyed
/// elements are combined in order.
///
/// Keying a feed through `JSONEncoder` with sorted keys was a fifth of planning a 10,000-article
/// build; this encoder writes no text and sorts nothing.
final class DigestEncoder: Encoder {
    /// A value inside a container: a primitive's digest, or a nested container still being filled.
    fileprivate enum Part {
        case digest(Digest)
        case nested(DigestEncoder)

        var digest: Digest {
            switch self {
            case .digest(let digest): digest
            case .nested(let encoder): encoder.finalize()
            }
        }
    }

    let codingPath: [any CodingKey] = []
    let userInfo: [CodingUserInfoKey: Any] = [:]
    private var ordered: [Part] = []
    private var keyed: [(key: String, part: Part)] = []

    /// The digest of `value`'s encoding (of a marker when its encoding throws).
    static func digest(of value: some Encodable) -> Digest {
        let encoder = DigestEncoder()
        do { try value.encode(to: encoder) } catch { return DigestHasher(tag: "unencodable").finalize() }
        return encoder.finalize()
    }

    fileprivate func finalize() -> Digest {
        var hasher = DigestHasher(tag: "encoded")
        hasher.combine(ordered.count)
        for part in ordered { hasher.combine(part.digest) }
        var high: UInt64 = 0, low: UInt64 = 0
        for (key, part) in keyed {
            var entry = DigestHasher()
            entry.combine(key)
            entry.combine(part.digest)
            let digest = entry.finalize()
            high &+= digest.high
            low &+= digest.low
        }
        hasher.combine(keyed.count)
        hasher.combine(Digest(high: high, low: low))
        return hasher.finalize()
    }

    fileprivate func append(_ part: Part) { ordered.append(part) }
    fileprivate func append(_ part: Part, forKey key: String) { keyed.append((key, part)) }

    /// A nested encoder placed at the current end of the ordered parts or under `key`.
    fileprivate func nested(forKey key: String?) -> DigestEncoder {
        let child = DigestEncoder()
        if let key { append(.nested(child), forKey: key) } else { append(.nested(child)) }
        return child
    }

    /// The part for a value: primitives by type tag and bytes (every type a `SingleValueEncodingContainer`
    /// takes, so a primitive never comes back here), anything else through a child encoder.
    fileprivate static func part(of value: some Encodable) throws -> Part {
        switch value {
        case let text as String: return .digest(primitive("s") { $0.combine(text) })
        case let number as Int: return .digest(primitive("i") { $0.combine(number) })
        case let number as Double: return .digest(primitive("d") { $0.combine(number) })
        case let flag as Bool: return .digest(primitive("b") { $0.combine(flag) })
        case let number as any BinaryInteger: return .digest(primitive("i") { $0.combine("\(number)") })
        case let number as Float: return .digest(primitive("d") { $0.combine(Double(number)) })
        default:
            let child = DigestEncoder()
            try value.encode(to: child)
            return .nested(child)
        }
    }

    fileprivate static func primitive(_ tag: String, _ body: (inout DigestHasher) -> Void) -> Digest {
        var hasher = DigestHasher(tag: tag)
        body(&hasher)
        return hasher.finalize()
    }

    fileprivate static let null = primitive("null") { _ in }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedDigestContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedDigestContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleDigestContainer(encoder: self)
    }
}

private struct KeyedDigestContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: DigestEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        encoder.append(.digest(DigestEncoder.null), forKey: key.stringValue)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        encoder.append(try DigestEncoder.part(of: value), forKey: key.stringValue)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> {
        encoder.nested(forKey: key.stringValue).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.nested(forKey: key.stringValue).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder.nested(forKey: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder.nested(forKey: key.stringValue) }
}

private struct UnkeyedDigestContainer: UnkeyedEncodingContainer {
    let encoder: DigestEncoder
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(encoder: DigestEncoder) { self.encoder = encoder }

    mutating func encodeNil() throws {
        encoder.append(.digest(DigestEncoder.null))
        count += 1
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.append(try DigestEncoder.part(of: value))
        count += 1
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        count += 1
        return encoder.nested(forKey: nil).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        return encoder.nested(forKey: nil).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        count += 1
        return encoder.nested(forKey: nil)
    }
}

private struct SingleDigestContainer: SingleValueEncodingContainer {
    let encoder: DigestEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoder.append(.digest(DigestEncoder.null)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.append(try DigestEncoder.part(of: value))
    }
}
