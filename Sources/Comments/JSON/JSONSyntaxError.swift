/// A JSON syntax error at a byte offset; `JSONSourceFile` turns the offset into line and column.
struct JSONSyntaxError: Error, Sendable, Hashable {
    var offset: Int
    var message: String
}
