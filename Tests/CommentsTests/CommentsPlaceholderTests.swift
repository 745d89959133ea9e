import Testing
@testable import Comments

@Test func CommentsModuleLoads() {
    #expect(Bool(true))
}
