import Foundation
import Testing
@testable import Comments

@Suite struct CommentFileTests {
    static let sample = """
    {
      "comments": [
        { "id": "1001", "parent": null, "author": "A. Reader",
          "date": "2022-06-23T08:12:00Z", "text": "Plain text.\\n\\nSecond paragraph.",
          "rating": 14, "status": "approved" },
        { "id": "1002", "parent": "1001", "author": "B. Reader",
          "date": "2022-06-23T09:00:00Z", "text": "> quoted line\\n\\nReply.", "rating": 2 }
      ]
    }
    """

    @Test func parsesTheSpecExample() throws {
        let comments = try CommentFile.parse(Data(Self.sample.utf8), file: "c.json")
        #expect(comments.count == 2)
        #expect(comments[0] == Comment(
            id: "1001", parent: nil, author: "A. Reader", date: Date(timeIntervalSince1970: 1_655_971_920),
            text: "Plain text.\n\nSecond paragraph.", rating: 14, status: .approved))
        #expect(comments[1].parent == "1001")
        #expect(comments[1].rating == 2)
        #expect(comments[1].status == .approved)
        #expect(comments[1].text == "> quoted line\n\nReply.")
    }

    @Test func acceptsNumericIDsAndParents() throws {
        let json = """
        {"comments": [
          {"id": 7, "author": "x", "date": "2022-06-23T08:12:00Z", "text": "a"},
          {"id": 12345678901, "parent": 7, "author": "y", "date": "2022-06-23T08:13:00Z", "text": "b"}
        ]}
        """
        let comments = try CommentFile.parse(Data(json.utf8), file: "c.json")
        #expect(comments.map(\.id) == ["7", "12345678901"])
        #expect(comments[1].parent == "7")
    }

    @Test func defaultsAndIgnoredKeys() throws {
        let json = """
        {"version": 2, "comments": [
          {"id": "1", "author": "x", "date": "2022-06-23T08:12:00Z", "text": "a",
           "email": "x@example.org", "parent": "", "rating": null, "status": null}
        ]}
        """
        let comments = try CommentFile.parse(Data(json.utf8), file: "c.json")
        #expect(comments == [Comment(id: "1", author: "x", date: Date(timeIntervalSince1970: 1_655_971_920), text: "a")])
    }

    @Test func repeatedKeysKeepTheirLastValue() throws {
        let json = """
        {"comments": [], "comments": [
          {"id": "1", "text": "first", "author": "x", "date": "2022-06-23T08:12:00Z", "id": "2", "text": "second",
           "status": "spam", "status": null}
        ]}
        """
        let comments = try CommentFile.parse(Data(json.utf8), file: "c.json")
        #expect(comments == [Comment(id: "2", author: "x", date: Date(timeIntervalSince1970: 1_655_971_920), text: "second")])
    }

    @Test func readsEveryStatus() throws {
        let items = Comment.Status.allCases.enumerated().map { index, status in
            #"{"id": "\#(index)", "author": "x", "date": "2022-06-23T08:12:00Z", "text": "", "status": "\#(status.rawValue)"}"#
        }
        let json = #"{"comments": [\#(items.joined(separator: ","))]}"#
        let comments = try CommentFile.parse(Data(json.utf8), file: "c.json")
        #expect(comments.map(\.status) == Comment.Status.allCases)
    }

    @Test func readsEscapesAndUnicode() throws {
        let json = #"{"comments": [{"id": "1", "author": "J\u00fcrgen \ud83d\ude00", "date": "2022-06-23T08:12:00Z", "text": "\"q\" \\ \/ \t Straße"}]}"#
        let comments = try CommentFile.parse(Data(json.utf8), file: "c.json")
        #expect(comments.first?.author == "Jürgen 😀")
        #expect(comments.first?.text == "\"q\" \\ / \t Straße")
    }

    @Test func skipsByteOrderMark() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data(#"{"comments": []}"#.utf8)
        #expect(try CommentFile.parse(data, file: "c.json").isEmpty)
    }

    @Test func encodeRoundTrips() throws {
        let comments = [
            Comment(id: "1", parent: nil, author: "Ä \"Q\" Reader", date: Date(timeIntervalSince1970: 1_655_971_920),
                    text: "Line\nline\r\n\ttab \u{01} \\ </script> 😀", rating: -3, status: .pending),
            Comment(id: "2", parent: "1", author: "B", date: Date(timeIntervalSince1970: 1_655_971_980.25),
                    text: "", rating: 0, status: .trash),
        ]
        let data = CommentFile.encode(comments)
        #expect(try CommentFile.parse(data, file: "c.json") == comments)
        #expect(CommentFile.encode(try CommentFile.parse(data, file: "c.json")) == data)
    }

    @Test func encodeIsPrettyAndStable() {
        let data = CommentFile.encode([
            Comment(id: "1001", author: "A. Reader", date: Date(timeIntervalSince1970: 1_655_971_920), text: "Hi", rating: 14),
        ])
        let expected = """
        {
          "comments": [
            {
              "id": "1001",
              "parent": null,
              "author": "A. Reader",
              "date": "2022-06-23T08:12:00Z",
              "text": "Hi",
              "rating": 14,
              "status": "approved"
            }
          ]
        }

        """
        #expect(String(decoding: data, as: UTF8.self) == expected)
        #expect(String(decoding: CommentFile.encode([]), as: UTF8.self) == "{\n  \"comments\": []\n}\n")
    }

    @Test func parsesLargeFiles() throws {
        var comments: [Comment] = []
        for index in 0..<20_000 {
            let date = Date(timeIntervalSince1970: 1_655_971_920 + Double(index))
            let parent: String? = index > 0 ? String(index / 2) : nil
            let text = String(repeating: "Wort ", count: 40)
            comments.append(Comment(id: String(index), parent: parent, author: "Reader \(index)", date: date, text: text))
        }
        let data = CommentFile.encode(comments)
        let parsed = try CommentFile.parse(data, file: "c.json")
        #expect(parsed == comments)
    }
}
