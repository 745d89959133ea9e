/// Reference of magbuild's template language, as this module implements it.
///
/// **Output.** `{{ expr }}` prints the value HTML-escaped (`& < > " '`), so it is safe in
/// element content and in quoted attributes. `.safe` values (rendered Markdown, `| safe`,
/// `| escape`, `| json`, `{% set x %}…{% endset %}`) print as they are. `null` prints
/// nothing, numbers print shortest (`3`, `2.5`), dates print as ISO 8601 in the site's
/// timezone; printing a list or dictionary is an error.
///
/// **Expressions.** Variables, `a.b.c`, `xs[0]`, `xs[-1]`, `xs.0`, `d["key"]`; literals
/// `"text"`, `'text'`, `42`, `2.5`, `true`, `false`, `none` (also `null`), `[1, 2]`,
/// `{"k": v}`; `== != < <= > >=` (numbers, strings, dates); `and`, `or` (give back an
/// operand: `page.image or site.logo`), `not`; `in`, `not in` (list element, dictionary
/// key, substring); `~` joins text (safe if either side is safe, the other side escaped);
/// `+ - * / %` on numbers (`+` also joins two strings or two lists; `/` always divides
/// exactly); `a if cond else b`; `x is [not] defined | undefined | none | odd | even |
/// string | number | sequence | mapping`; filters `x | name` or `x | name(arg, …)`.
/// Truthiness: null, false, 0, "", [] and {} are false.
///
/// **Undefined is an error.** An unknown variable, a missing dictionary key, an index out
/// of range and any attribute of null or of a non-dictionary stop the render with
/// `templates/x.html:LINE:COL` and a "did you mean" hint. `if page.missing` is an error
/// too: ask `page.missing is defined`, or write `page.missing | default(x)`. Only the
/// variable / `.name` / `[key]` chain directly under `is defined`, `is undefined` and
/// `default` is looked up leniently.
///
/// **Errors.** Loading reports every syntax error of every template at once: the lexer
/// reads on past a bad character, an unclosed string or a wrong closing delimiter, and the
/// parser skips the rest of a broken tag and goes on (a misspelled `{% iff %}` does not
/// also make its `{% endif %}` an error). Rendering goes on after an error too, skipping
/// the tag or `{{ }}` that failed, so one render reports every mistake its data triggers,
/// each once however often a loop repeats it, up to 20; a variable whose `set` failed is
/// not reported again where it is used. Every diagnostic reads
/// `templates/x.html:LINE:COL: error: message (hint)` with the source line and a caret;
/// errors inside includes name the chain of includes that led there.
///
/// **Tags.**
/// - `{% if c %}…{% elif c %}…{% else %}…{% endif %}`
/// - `{% for x in xs %}…{% else %}(empty)…{% endfor %}`; `{% for k, v in dict %}` walks
///   keys in sorted order (`{% for k in dict %}` gives keys); `{% for a, b in pairs %}`
///   unpacks two-item lists. Inside: `loop.index` (from 1), `loop.index0`,
///   `loop.revindex`, `loop.revindex0`, `loop.first`, `loop.last`, `loop.length`.
///   Variables set inside a loop stay inside it.
/// - `{% set x = expr %}`; `{% set x %}…{% endset %}` captures output as safe HTML.
/// - `{% include "partials/x.html" %}` renders with the current variables (loop
///   variables included); `{% include "x.html" with a = expr, b = expr %}` adds some.
///   Includes may recurse (threaded comments) up to a depth of 64; an include that
///   includes itself outside any `if`/`for` is reported when templates load; one that
///   recurses past the limit ends the render with that one error.
/// - Tags nest at most 64 deep, and so do expressions (parentheses, lists, `not`, `-`);
///   deeper nesting is a syntax error at the first tag or expression past the limit.
/// - `{% extends "base.html" %}` at the top level, `{% block name %}…{% endblock [name] %}`,
///   any number of levels; `{{ super() }}` prints the parent's version of the block. In a
///   template that extends another, only blocks and `set` may stand outside blocks.
/// - `{% raw %}…{% endraw %}` prints its content untouched; `{# comment #}`.
/// - Whitespace control: `{%-`, `{{-`, `{#-` remove all whitespace (newlines too) before
///   the tag, `-%}`, `-}}`, `-#}` after it.
///
/// **Filters.** `date`, `date("iso")`, `date("long")`, `date("%d.%m.%Y")` (see
/// `DateFormatting`); `truncate(n, end = "…")`: at most `n` characters of text, cut at a
/// word boundary when one is in the second half, safe HTML is reduced to its text first,
/// the result is plain text; `striptags` (text of HTML, entities decoded, whitespace
/// collapsed); `lower`, `upper`, `capitalize`, `trim`, `replace(old, new)` (keeps a safe
/// value safe; a plain `new` is escaped into it); `wordcount`; `default(x, orFalsy =
/// false)`; `length`; `first`, `last`, `reverse` (lists and strings); `join(sep = "", attribute)`; `map(attribute)`;
/// `sort(attribute = none, reverse = false)` (stable, strings case-insensitive, nulls
/// first); `urlencode` (keeps `/`; a dictionary becomes a query string); `slugify`
/// (`ä` → `ae`, `ß` → `ss`, accents dropped, `-` between words); `json(indent = 0)` (safe
/// inside `<script>`: `< > & '` U+2028 U+2029 escaped, keys sorted); `absolute_url` (joined
/// to the site's base URL unless it already has a scheme); `safe`; `escape` / `e`.
/// Attributes given to `join`, `map` and `sort` may be dotted: `"author.name"`.
public enum TemplateLanguage {}
