import Foundation

/// A property that must hold for every input. A failure prints the message and aborts,
/// which libFuzzer reports as a crash and saves the input for.
public enum Invariant {
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String,
                               file: StaticString = #fileID, line: UInt = #line) {
        guard !condition else { return }
        FileHandle.standardError.write(Data("INVARIANT FAILED at \(file):\(line): \(message())\n".utf8))
        abort()
    }
}
