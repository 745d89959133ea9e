import Diagnostics
import Foundation
import Testing
@testable import Comments

/// Every kind of bad comment is reported at its exact `file:line:col`, all in one `DiagnosticList`.
@Suite struct CommentFileErrorTests {
    @Test func missingKeysPointAtTheComment() {
        let json = """
        {"comments": [
          {"id": "1", "author": "x", "date": "2022-06-23T08:12:00Z", "text": "ok"},
          {"id": "2", "autor": "x", "text": "no"}
        ]}
        """
        let errors = parseErrors(json)
        #expect(locations(errors) == ["c.json:3:3"])
        #expect(errors.first?.message == #"comment is missing the required keys "author", "date""#)
        #expect(errors.first?.hint == #"found "autor": did you mean "author"?"#)
    }

    @Test func missingKeysAreListedInOrderWithHintsFromUnknownKeysOnly() {
        let json = """
        {"comments": [
          {"txt": "a", "txt": "b", "dat": "c", "id": "1", "author": "x"}
        ]}
        """
        let errors = parseErrors(json)
        #expect(errors.first?.message == #"comment is missing the required keys "date", "text""#)
        #expect(errors.first?.hint == #"found "dat": did you mean "date"?"#)
        #expect(parseErrors(#"{"comments": [{"id": "1"}]}"#).first?.message
            == #"comment is missing the required keys "author", "date", "text""#)
    }

    @Test func wrongTypesPointAtTheValue() {
        let json = """
        {"comments": [
          {"id": true, "author": 5, "date": "2022-06-23T08:12:00Z",
           "text": ["a"], "parent": {}, "rating": "many"},
          {"id": 1.5, "author": "x", "date": 20220623, "text": "t", "rating": 2.5, "status": 1}
        ]}
        """
        let errors = parseErrors(json)
        #expect(locations(errors) == [
            "c.json:2:10", "c.json:2:26", "c.json:3:12", "c.json:3:29", "c.json:3:43",
            "c.json:4:10", "c.json:4:38", "c.json:4:71", "c.json:4:86",
        ])
        #expect(errors[0].message == #""id" must be a string or an integer, found a boolean"#)
        #expect(errors[2].message == #""text" must be a string, found an array"#)
        #expect(errors[5].message == #""id" must be a string or an integer, found the number 1.5"#)
        #expect(errors[7].message == #""rating" must be an integer, found the number 2.5"#)
    }

    @Test func badDates() {
        let json = """
        {"comments": [
          {"id": "1", "author": "x", "text": "t", "date": "2022-06-23"},
          {"id": "2", "author": "x", "text": "t", "date": "2022-02-30T10:00:00Z"},
          {"id": "3", "author": "x", "text": "t", "date": "2022-06-23T08:12:00"},
          {"id": "4", "author": "x", "text": "t", "date": "gestern"}
        ]}
        """
        let errors = parseErrors(json)
        #expect(locations(errors) == ["c.json:2:51", "c.json:3:51", "c.json:4:51", "c.json:5:51"])
        #expect(errors[0].message == #"bad date "2022-06-23""#)
        #expect(errors[0].hint?.contains("ISO 8601") == true)
    }

    @Test func unknownStatus() {
        let json = """
        {"comments": [
          {"id": "1", "author": "x", "text": "t", "date": "2022-06-23T08:12:00Z", "status": "aproved"},
          {"id": "2", "author": "x", "text": "t", "date": "2022-06-23T08:12:00Z", "status": "deleted"}
        ]}
        """
        let errors = parseErrors(json)
        #expect(locations(errors) == ["c.json:2:85", "c.json:3:85"])
        #expect(errors[0].description == #"c.json:2:85: error: unknown status "aproved" (did you mean 'approved'?)"#)
        #expect(errors[1].hint == "expected one of approved, pending, spam, trash")
    }

    @Test func duplicateIDs() {
        let json = """
        {"comments": [
          {"id": "1", "author": "x", "text": "t", "date": "2022-06-23T08:12:00Z"},
          {"id": 1, "author": "y", "text": "t", "date": "2022-06-23T08:12:00Z"}
        ]}
        """
        let errors = parseErrors(json)
        #expect(locations(errors) == ["c.json:3:10"])
        #expect(errors.first?.message == #"duplicate comment id "1""#)
        #expect(errors.first?.notes == ["first used at c.json:2:10"])
    }

    @Test func reportsEveryBadCommentAtOnce() {
        let json = """
        {"comments": [
          {"id": "1", "author": "x", "text": "t"},
          "not a comment",
          {"id": "2", "author": "x", "text": "t", "date": "2022-06-23T08:12:00Z", "rating": 1e3},
          {"id": "3", "author": "x", "text": "t", "date": "2022-06-23T08:12:00Z"}
        ]}
        """
        let errors = parseErrors(json)
        #expect(locations(errors) == ["c.json:2:3", "c.json:3:3", "c.json:4:85"])
        #expect(errors[1].message == "a comment must be an object, found a string")
    }

    @Test func columnsCountCharactersNotBytes() {
        let json = "{\"comments\": [\n  {\"id\": \"ü\", \"author\": \"Jürgen\", \"text\": \"é\", \"date\": \"x\"}\n]}"
        #expect(locations(parseErrors(json)) == ["c.json:2:56"])
    }

    @Test func fileShapeErrors() {
        #expect(parseErrors("[]").map(\.description) == [
            "c.json:1:1: error: a comment file must be an object with a \"comments\" array, found an array",
        ])
        #expect(locations(parseErrors("\n  {\"Comments\": []}")) == ["c.json:2:3"])
        #expect(parseErrors("{\"comments\": {}}").first?.message == "\"comments\" must be an array, found an object")
    }

    @Test func errorsCarryTheSourceLine() {
        let errors = parseErrors("{\"comments\": [\n  {\"id\": \"1\", \"author\": \"x\", \"text\": \"t\", \"date\": \"nope\"}\n]}")
        #expect(errors.first?.sourceLine == #"  {"id": "1", "author": "x", "text": "t", "date": "nope"}"#)
        #expect(errors.first?.rendered.hasSuffix("\n    " + String(repeating: " ", count: 50) + "^") == true)
    }
}

/// Comment file errors follow magbuild's one line rule (``SourceText``): a lone `\r` ends a line.
@Suite struct CommentFileLineRuleTests {
    @Test func loneCarriageReturnsEndLines() {
        let json = "{\"comments\": [\r  {\"id\": \"1\", \"author\": \"x\", \"text\": \"t\", \"date\": \"nope\"}\r]}"
        let errors = parseErrors(json)
        #expect(locations(errors) == ["c.json:2:51"])
        #expect(errors.first?.sourceLine == #"  {"id": "1", "author": "x", "text": "t", "date": "nope"}"#)
    }

    @Test func crlfIsOneLineEnding() {
        #expect(locations(parseErrors("\r\n\r\n  {\"Comments\": []}")) == ["c.json:3:3"])
    }
}
