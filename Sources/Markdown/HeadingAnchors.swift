import Basics
import CCmarkGFM

/// Gives every heading of a parsed document a unique `id` attribute.
///
/// cmark-gfm has no option for heading ids, so each heading is rendered on
/// its own, `<hN>` becomes `<hN id="…">`, and the heading node is replaced by
/// a custom block that emits exactly that HTML. Run it after every other
/// change to the tree: the replaced headings' contents are frozen.
struct HeadingAnchors {
    let options: Int32
    let extensions: UnsafeMutablePointer<cmark_llist>?

    /// Replaces the headings (nodes of the tree being rendered) and returns them with their ids.
    func apply(to headings: [DocumentText.HeadingText]) -> [Heading] {
        var slugger = HeadingSlugger()
        return headings.map { found in
            let id = slugger.uniqueSlug(found.text)
            anchor(found.node, level: found.level, id: id)
            return Heading(level: found.level, text: found.text, id: id)
        }
    }

    private func anchor(_ heading: CmarkNode, level: Int, id: String) {
        let rendered = CmarkLibrary.takeString(cmark_render_html(heading.pointer, options, extensions)).utf8
        // Bytes, not characters: a heading that starts with a combining mark glues it onto the
        // tag's `>` (found by fuzzing: Fuzz/Corpus/FuzzMarkdown/regression-heading-combining-mark).
        let openingTag = "<h\(level)>".utf8
        guard rendered.starts(with: openingTag) else { return }
        var content = rendered.dropFirst(openingTag.count)
        while content.last == UInt8(ascii: "\n") { content = content.dropLast() }
        let html = "<h\(level) id=\"\(Escaping.html(id))\">" + String(decoding: content, as: UTF8.self)
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        guard cmark_node_set_on_enter(block, html) == 1, cmark_node_replace(heading.pointer, block) == 1 else {
            cmark_node_free(block)
            return
        }
        cmark_node_free(heading.pointer)
    }
}
