import Foundation

/// Renders the article page (100 threaded comments) and the home page (50 teasers) with
/// magbuild's engine, Stencil and swift-mustache, checks that all three give the same
/// HTML, and prints renders per second and magbuild's speed relative to the others.
///
/// Environment: `BENCH_SECONDS` (default 2) is the time per measurement; `BENCH_ONLY=magbuild`
/// (or `Stencil`, `swift-mustache`) measures magbuild alone or against one engine, e.g. for
/// profiling with `valgrind --tool=callgrind`.

/// Renders per second of `body`: warms up, then repeats it for about `seconds`.
func rate(seconds: Double, _ body: () throws -> String) rethrows -> Double {
    for _ in 0..<3 { _ = try body() }
    let clock = ContinuousClock()
    let start = clock.now
    var count = 0
    var elapsed: Duration = .zero
    repeat {
        for _ in 0..<5 { _ = try body() }
        count += 5
        elapsed = clock.now - start
    } while elapsed < .milliseconds(Int64(seconds * 1000))
    let (whole, attoseconds) = elapsed.components
    return Double(count) / (Double(whole) + Double(attoseconds) / 1e18)
}

func formatted(_ value: Double) -> String { String(format: "%10.1f", value) }

let seconds = Double(ProcessInfo.processInfo.environment["BENCH_SECONDS"] ?? "") ?? 2.0
let only = ProcessInfo.processInfo.environment["BENCH_ONLY"]
let engines: [any BenchEngine] = try [MagbuildEngine(), StencilEngine(), MustacheEngine()]
    .filter { only == nil || $0.name == only || $0.name == "magbuild" }

// The templates are equivalent: every engine must produce the same pages.
let reference = engines[0]
for engine in engines.dropFirst() {
    for (page, render, expected) in [
        ("article", engine.renderArticle, try reference.renderArticle()),
        ("home", engine.renderHome, try reference.renderHome()),
    ] {
        let output = try render()
        if output != expected {
            print("warning: \(engine.name) renders the \(page) page differently from magbuild "
                  + "(\(output.utf8.count) vs \(expected.utf8.count) bytes)")
        }
    }
}
print("article page: \(try reference.renderArticle().utf8.count) bytes, home page: \(try reference.renderHome().utf8.count) bytes")

var results: [(name: String, article: Double, home: Double)] = []
for engine in engines {
    let article = try rate(seconds: seconds, engine.renderArticle)
    let home = try rate(seconds: seconds, engine.renderHome)
    results.append((engine.name, article, home))
}

print("\nrenders per second (\(seconds) s per measurement)")
print("engine                article       home")
for result in results {
    print(result.name.padding(toLength: 16, withPad: " ", startingAt: 0) + formatted(result.article) + " " + formatted(result.home))
}
let ours = results[0]
print("\nmagbuild is")
for other in results.dropFirst() {
    let article = String(format: "%5.2f", ours.article / other.article)
    let home = String(format: "%5.2f", ours.home / other.home)
    print("  \(article)× \(other.name) on the article page, \(home)× on the home page")
}
