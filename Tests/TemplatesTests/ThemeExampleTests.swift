import Testing
@testable import Templates

/// A small theme written against docs/theming.md, rendered end to end.
@Suite struct ThemeExampleTests {
    static let sources = [
        "base.html": """
            <!doctype html>
            <html lang="{{ site.language }}">
            <head>
              <title>{% block title %}{{ page.title }} – {{ site.title }}{% endblock %}</title>
              <link rel="canonical" href="{{ page.permalink }}">
              {%- if page.image %}
              <meta property="og:image" content="{{ page.image }}">
              {%- endif %}
              {% block head %}{% endblock %}
            </head>
            <body>{% block main %}{% endblock %}</body>
            </html>
            """,
        "article.html": """
            {% extends "base.html" %}
            {% block head -%}
            <script type="application/ld+json">{{ {"@type": "NewsArticle", "headline": article.title, "datePublished": article.date, "author": article.authors | map("name")} | json }}</script>
            {%- endblock %}
            {% block main -%}
            <article>
              <h1>{{ article.title }}</h1>
              <p class="byline">{{ article.authors | join(", ", "name") }}, <time datetime="{{ article.date | date("iso") }}">{{ article.date | date }}</time>
                {%- if article.updated %}, aktualisiert {{ article.updated | date("%d.%m.%Y") }}{% endif %}</p>
              {% if article.image %}{% include "partials/figure.html" with image = article.image %}{% endif %}
              {{ article.content }}
              {% include "partials/comments.html" %}
            </article>
            {%- endblock %}
            """,
        "partials/figure.html": """
            <figure><img src="{{ image.src }}" alt="{{ image.alt }}">
            {%- if image.caption %}<figcaption>{{ image.caption }}</figcaption>{% endif %}<small>{{ image.credit }}</small></figure>
            """,
        "partials/comments.html": """
            {% if article.comments.mode != "off" -%}
            <section id="kommentare"><h2>{{ article.comments.count }} Kommentar{% if article.comments.count != 1 %}e{% endif %}</h2>
            {%- for comment in article.comments.threads %}{% include "partials/comment.html" %}{% else %}<p>Noch keine.</p>{% endfor -%}
            </section>
            {%- endif %}
            """,
        "partials/comment.html": """
            <div class="c d{{ comment.depth }}" id="c-{{ comment.id }}">
            {%- if comment.replyTo %}<span>@{{ comment.replyTo }}</span>{% endif -%}
            <b>{{ comment.author }}</b> {{ comment.html }}
            {%- for comment in comment.replies %}{% include "partials/comment.html" %}{% endfor -%}
            </div>
            """,
    ]

    static func context(image: Value) -> [String: Value] {
        let reply: Value = [
            "id": "2", "author": "B. Reader", "date": .date(midsummer), "html": .safe("<p>Reply.</p>"), "rating": 1,
            "replyTo": "A. Reader", "depth": 1, "long": false, "replies": [],
        ]
        let comment: Value = [
            "id": "1", "author": "A. Reader <script>", "date": .date(midsummer), "html": .safe("<p>First.</p>"),
            "rating": 14, "replyTo": nil, "depth": 0, "long": false, "replies": [reply],
        ]
        return [
            "site": ["title": "Das Beispiel-Magazin", "baseURL": "https://magazin.example/", "language": "de"],
            "page": ["kind": "article", "title": "Russland & Kasachstan", "url": "/politik/rk/",
                     "permalink": "https://magazin.example/politik/rk/", "image": nil],
            "article": [
                "title": "Russland & Kasachstan", "date": .date(midsummer), "updated": .date(marchNight),
                "authors": [["name": "Holger Beispiel", "url": "/autoren/holger-beispiel/"]],
                "image": image, "content": .safe("<p>Body</p>"),
                "comments": ["mode": "open", "count": 2, "order": "oldest", "threads": [comment]],
            ],
        ]
    }

    @Test func articlePage() throws {
        let image: Value = ["src": "lead.jpg", "alt": "Ein \"Bild\"", "caption": nil, "credit": "IMAGO / Agentur"]
        let output = try render(Self.sources, "article.html", Self.context(image: image))
        #expect(output == #"""
            <!doctype html>
            <html lang="de">
            <head>
              <title>Russland &amp; Kasachstan – Das Beispiel-Magazin</title>
              <link rel="canonical" href="https://magazin.example/politik/rk/">
              <script type="application/ld+json">{"@type":"NewsArticle","author":["Holger Beispiel"],"datePublished":"2022-06-22T10:15:00+02:00","headline":"Russland \u0026 Kasachstan"}</script>
            </head>
            <body><article>
              <h1>Russland &amp; Kasachstan</h1>
              <p class="byline">Holger Beispiel, <time datetime="2022-06-22T10:15:00+02:00">22. Juni 2022</time>, aktualisiert 07.03.2022</p>
              <figure><img src="lead.jpg" alt="Ein &quot;Bild&quot;"><small>IMAGO / Agentur</small></figure>
              <p>Body</p>
              <section id="kommentare"><h2>2 Kommentare</h2><div class="c d0" id="c-1"><b>A. Reader &lt;script&gt;</b> <p>First.</p><div class="c d1" id="c-2"><span>@A. Reader</span><b>B. Reader</b> <p>Reply.</p></div></div></section>
            </article></body>
            </html>
            """#)
    }

    @Test func articleWithoutImage() throws {
        let output = try render(Self.sources, "article.html", Self.context(image: nil))
        #expect(!output.contains("<figure>"))
    }
}
