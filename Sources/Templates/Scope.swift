/// The variables visible while rendering: a stack of frames searched from the top.
///
/// The caller's context is the bottom frame and is never copied; `for` and `include`
/// push a frame, `set` writes into the top frame. Loop state is kept as numbers and
/// turned into `loop.index` … values only when a template asks for them.
struct Scope {
    private struct Frame {
        var variables: [String: Value]
        var loop: LoopState? = nil
    }

    private var frames: [Frame]

    init(context: [String: Value]) {
        frames = [Frame(variables: context), Frame(variables: [:])]
    }

    /// The value of `name`, or nil when it is undefined.
    func lookup(_ name: String) -> Value? {
        for frame in frames.reversed() {
            if let value = frame.variables[name] { return value }
            if let loop = frame.loop, name == "loop" { return loop.value }
        }
        return nil
    }

    /// The innermost loop's state, unless a variable called `loop` hides it.
    var innermostLoop: LoopState? {
        for frame in frames.reversed() {
            if frame.variables["loop"] != nil { return nil }
            if let loop = frame.loop { return loop }
        }
        return nil
    }

    mutating func push(_ variables: [String: Value] = [:]) {
        frames.append(Frame(variables: variables))
    }

    mutating func pop() {
        frames.removeLast()
    }

    /// Sets `name` in the top frame.
    mutating func set(_ name: String, _ value: Value) {
        frames[frames.count - 1].variables[name] = value
    }

    mutating func setLoop(_ loop: LoopState) {
        frames[frames.count - 1].loop = loop
    }

    /// Every visible name, for "did you mean" hints.
    var names: Set<String> {
        var names: Set<String> = []
        for frame in frames {
            names.formUnion(frame.variables.keys)
            if frame.loop != nil { names.insert("loop") }
        }
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
