import Testing
@testable import Diagnostics

@Test func DiagnosticsModuleLoads() {
    #expect(Bool(true))
}
