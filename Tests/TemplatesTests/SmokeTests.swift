import Testing
@testable import Templates

@Test func smoke() throws {
    let set = try TemplateSet(sources: ["a.html": "Hi {{ name }}!"], settings: TemplateSettings())
    #expect(try set.render("a.html", context: ["name": "<b>"]) == "Hi &lt;b&gt;!")
}
