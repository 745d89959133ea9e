import CLibFuzzer
import Foundation

/// Starts libFuzzer with a Swift test: every fuzz target's `main.swift` is one call,
/// `FuzzDriver.run { bytes in … }`. The test signals a bug by crashing or by failing an
/// ``Invariant``; libFuzzer then writes the input as a reproducer.
public enum FuzzDriver {
    /// The test of this process; set once, before libFuzzer starts calling back.
    nonisolated(unsafe) private static var test: ((Data) -> Void)?

    public static func run(_ test: @escaping (Data) -> Void) -> Never {
        Self.test = test
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            let input = data.map { Data(bytes: $0, count: size) } ?? Data()
            FuzzDriver.test?(input)
            return 0
        }
        exit(status)
    }
}
