import Comments
import FuzzSupport

// Reader text (untrusted comment text) → HTML: the output holds only the markup
// ReaderText writes, every link goes to an http(s) URL, and rendering is deterministic.
FuzzDriver.run { data in
    let text = FuzzInput.text(data)
    let html = ReaderText.html(from: text)
    if let problem = ReaderHTMLCheck.problem(in: html, maxQuoteDepth: ReaderText.maxQuoteDepth) {
        Invariant.require(false, "\(problem)\ninput: \(text.debugDescription)\noutput: \(html.debugDescription)")
    }
    Invariant.require(ReaderText.html(from: text) == html, "two renders differ")
    let blank = text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || $0 == ">" }
    if !blank { Invariant.require(!html.isEmpty, "text \(text.debugDescription) rendered to nothing") }
}
