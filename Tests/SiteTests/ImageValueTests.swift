import Testing
import Templates
@testable import Site

/// A teaser's `image` is kept as a record when its fields are one of the usual sets; templates
/// see the same fields either way.
@Suite struct ImageValueTests {
    private let base: [String: Value] = ["src": .string("/a/lead.jpg"), "alt": .string("Alt"), "caption": .string(""), "credit": .string("Foto")]

    @Test func theUsualFieldSetsBecomeRecordsWithTheSameFields() {
        var sized = base
        sized["width"] = .int(1200)
        sized["height"] = .int(675)
        var resized = sized
        for name in ["srcset", "sources", "derivatives", "card"] { resized[name] = .string(name) }
        for fields in [base, sized, resized] {
            let value = PageValues.imageValue(fields)
            guard case .record(let record) = value else {
                Issue.record("\(fields.keys.sorted()) stayed a dictionary")
                continue
            }
            #expect(record.dictionary == fields)
            #expect(value == .dict(fields))
        }
    }

    @Test func otherFieldSetsStayDictionaries() {
        var fields = base
        fields["width"] = .int(1200)  // a width without a height
        guard case .dict(let kept) = PageValues.imageValue(fields) else {
            Issue.record("an unusual field set became a record")
            return
        }
        #expect(kept == fields)
    }
}
