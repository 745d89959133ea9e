/// The variables visible while rendering: the caller's context below a stack of frames.
///
/// The context is never copied. `for` and `include` push a frame, `set` writes into the
/// top frame. The frames' variables live in two flat arrays searched from the end by
/// name, which for the handful of names a template binds is cheaper than hashing into a
/// dictionary per frame. Loop state is kept as numbers and turned into `loop.index` …
/// values only when a template asks for them.
struct Scope {
    private struct Frame {
        /// Where the frame's variables start in `boundNames` and `boundValues`.
        let start: Int
        var loop: LoopState? = nil
    }

    private let context: [String: Value]
    private var boundNames: [String] = []
    private var boundValues: [Value] = []
    private var frames: [Frame] = [Frame(start: 0)]

    init(context: [String: Value]) {
        self.context = context
        boundNames.reserveCapacity(32)
        boundValues.reserveCapacity(32)
    }

    /// The value of `name`, or nil when it is undefined.
    func lookup(_ name: String) -> Value? {
        if name == "loop" { return lookupLoop() }
        var position = boundNames.count - 1
        while position >= 0 {
            if boundNames[position] == name { return boundValues[position] }
            position -= 1
        }
        return context[name]
    }

    /// `loop`: a variable of that name, or the innermost loop's state, whichever is nearer.
    private func lookupLoop() -> Value? {
        var end = boundNames.count
        for frame in frames.reversed() {
            if let position = boundNames[frame.start..<end].lastIndex(of: "loop") { return boundValues[position] }
            if let loop = frame.loop { return loop.value }
            end = frame.start
        }
        return context["loop"]
    }

    /// The innermost loop's state, unless a variable called `loop` hides it.
    var innermostLoop: LoopState? {
        var end = boundNames.count
        for frame in frames.reversed() {
            if boundNames[frame.start..<end].contains("loop") { return nil }
            if let loop = frame.loop { return loop }
            end = frame.start
        }
        return nil
    }

    mutating func push(_ variables: [String: Value] = [:]) {
        frames.append(Frame(start: boundNames.count))
        for (name, value) in variables {
            boundNames.append(name)
            boundValues.append(value)
        }
    }

    mutating func pop() {
        guard let frame = frames.popLast() else { return }
        boundNames.removeSubrange(frame.start...)
        boundValues.removeSubrange(frame.start...)
    }

    /// Sets `name` in the top frame.
    mutating func set(_ name: String, _ value: Value) {
        let start = frames[frames.count - 1].start
        var position = boundNames.count - 1
        while position >= start {
            if boundNames[position] == name {
                boundValues[position] = value
                return
            }
            position -= 1
        }
        boundNames.append(name)
        boundValues.append(value)
    }

    mutating func setLoop(_ loop: LoopState) {
        frames[frames.count - 1].loop = loop
    }

    /// Every visible name, for "did you mean" hints.
    var names: Set<String> {
        var names = Set(context.keys).union(boundNames)
        if frames.contains(where: { $0.loop != nil }) { names.insert("loop") }
        return names
    }
}

/// Where a `for` loop is: the source of `loop.index`, `loop.first` and friends.
struct LoopState: Sendable {
    var index0: Int
    let length: Int

    static let attributes = ["index", "index0", "revindex", "revindex0", "first", "last", "length"]

    func attribute(_ name: String) -> Value? {
        switch name {
        case "index": return .int(index0 + 1)
        case "index0": return .int(index0)
        case "revindex": return .int(length - index0)
        case "revindex0": return .int(length - index0 - 1)
        case "first": return .bool(index0 == 0)
        case "last": return .bool(index0 == length - 1)
        case "length": return .int(length)
        default: return nil
        }
    }

    var value: Value {
        var entries: [String: Value] = [:]
        for name in Self.attributes { entries[name] = attribute(name) }
        return .dict(entries)
    }
}
