import Testing
@testable import Templates

@Test func TemplatesModuleLoads() {
    #expect(Bool(true))
}
