/// A dictionary value whose keys are fixed in advance and shared by every value of its kind:
/// what the site builds for pages, articles, teasers and each comment.
///
/// Templates cannot tell it from `.dict`: it prints, compares, loops, encodes and fails
/// the same way. Only reading one field is cheaper: the name is matched against the few
/// keys by the two words of each string instead of being hashed.
public struct Record: Sendable {
    public let keys: RecordKeys
    public let values: [Value]

    /// One value per key of `keys`, in the same order.
    public init(_ keys: RecordKeys, _ values: [Value]) {
        precondition(values.count == keys.names.count, "a record needs one value per key")
        self.keys = keys
        self.values = values
    }

    /// The value of key `name`, or nil when there is no such key.
    subscript(name: String) -> Value? {
        keys.position(of: name).map { values[$0] }
    }

    /// The same entries as a dictionary.
    public var dictionary: [String: Value] {
        Dictionary(uniqueKeysWithValues: zip(keys.names, values))
    }
}

/// The keys of one kind of ``Record``, made once and shared by all records of that kind.
public final class RecordKeys: Sendable {
    public let names: [String]
    /// The two words of each name: a small name's bytes, or a pointer to its storage.
    fileprivate let words: [Words]

    fileprivate struct Words: Equatable, Sendable {
        let first: UInt64
        let second: UInt64
    }

    public init(_ names: [String]) {
        precondition(Set(names).count == names.count, "record keys must differ")
        self.names = names
        words = names.map(Self.words)
    }

    /// Where `name` is among the keys.
    func position(of name: String) -> Int? {
        // Equal bits mean equal strings, different bits prove nothing: then ask `==`.
        fastPosition(of: name) ?? names.firstIndex(of: name)
    }

    /// Where a key with the same bits as `name` is: finds every name of up to 15 bytes,
    /// which Swift keeps in the string itself.
    func fastPosition(of name: String) -> Int? {
        let probe = Self.words(of: name)
        for position in words.indices where words[position] == probe { return position }
        return nil
    }

    /// The bits of `name`. Two strings with the same bits are the same string (the same
    /// small string, or the same storage); `names` keeps the storage of larger names alive.
    fileprivate static func words(of name: String) -> Words {
        let (first, second) = unsafeBitCast(name, to: (UInt64, UInt64).self)
        return Words(first: first, second: second)
    }
}
