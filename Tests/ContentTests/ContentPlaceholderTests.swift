import Testing
@testable import Content

@Test func ContentModuleLoads() {
    #expect(Bool(true))
}
