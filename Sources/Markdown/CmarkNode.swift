import CCmarkGFM

/// A borrowed view of one node of a cmark-gfm syntax tree.
///
/// It does not own the node: the tree (and with it every node) belongs to
/// the document being rendered. Every getter guards the NULLs cmark returns.
struct CmarkNode {
    /// One step of a walk over a tree: a node, entered or exited.
    typealias Step = (event: cmark_event_type, node: CmarkNode)

    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    init?(_ pointer: OpaquePointer?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    var type: cmark_node_type { cmark_node_get_type(pointer) }

    /// Whether the node is a block (paragraph, heading, table cell, …) rather than an inline.
    var isBlock: Bool {
        // CMARK_NODE_TYPE_BLOCK / CMARK_NODE_TYPE_MASK: macros Swift cannot see.
        type.rawValue & 0xC000 == 0x8000
    }

    var url: String? {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } }
        nonmutating set { _ = cmark_node_set_url(pointer, newValue) }
    }

    /// A link's or image's title (`"…"` after the URL); empty when it has none.
    var title: String { cmark_node_get_title(pointer).map { String(cString: $0) } ?? "" }

    /// The text of a text or code node.
    var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }

    /// The text and code of the node's descendants (an image's description).
    var plainText: String {
        walk().reduce(into: "") { text, step in
            if step.event == CMARK_EVENT_ENTER, step.node.type == CMARK_NODE_TEXT || step.node.type == CMARK_NODE_CODE {
                text += step.node.literal
            } else if step.event == CMARK_EVENT_ENTER, step.node.type == CMARK_NODE_SOFTBREAK {
                text += " "
            }
        }
    }

    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

    /// The type's name: `paragraph`, and for the table extension's nodes `table`,
    /// `table_header` (the header row), `table_row` and `table_cell`.
    var typeName: String { cmark_node_get_type_string(pointer).map { String(cString: $0) } ?? "" }

    var parent: CmarkNode? { CmarkNode(cmark_node_parent(pointer)) }
    var firstChild: CmarkNode? { CmarkNode(cmark_node_first_child(pointer)) }
    var next: CmarkNode? { CmarkNode(cmark_node_next(pointer)) }
    var previous: CmarkNode? { CmarkNode(cmark_node_previous(pointer)) }

    /// All nodes of the subtree rooted here, in document order, each with the
    /// event at which the walk met it. Collect first, modify the tree afterwards.
    func walk() -> [Step] {
        guard let iterator = cmark_iter_new(pointer) else { return [] }
        defer { cmark_iter_free(iterator) }
        var steps: [Step] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            if let node = CmarkNode(cmark_iter_get_node(iterator)) {
                steps.append((event, node))
            }
        }
        return steps
    }
}
