import Testing
@testable import Markdown

@Test func MarkdownModuleLoads() {
    #expect(Bool(true))
}
