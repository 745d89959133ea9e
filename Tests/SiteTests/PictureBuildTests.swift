import Diagnostics
import Foundation
import Testing
@testable import Site

/// Lead images and body figures published as derivatives: widths, formats, markup, privacy,
/// the picture store across builds, and bad pictures.
@Suite struct PictureBuildTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    static let article = "content/politik/erste-meldung/index.md"
    static let bundle = "content/politik/erste-meldung/"
    /// 1200 × 800 stored, EXIF orientation 6 (800 × 1200 upright), with GPS, a camera serial
    /// number, IPTC and XMP (`Tests/ImagesTests/Fixtures/make_fixtures.py`).
    static let photo = SiteBuilderTests.fixture.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ImagesTests/Fixtures/photo.jpg")
    static let truncated = photo.deletingLastPathComponent().appendingPathComponent("truncated.jpg")

    /// The fixture with the agency photo as its first article's lead image.
    static func withPhoto(siteYML extra: String = "") throws -> Workspace {
        let site = try Workspace()
        try FileManager.default.copyItem(at: photo, to: site.site.appendingPathComponent(bundle + "lead.jpg"))
        try site.edit(article) { $0.replacingOccurrences(of: "src: lead.png", with: "src: lead.jpg") }
        if !extra.isEmpty { try site.edit("site.yml") { $0 + extra } }
        return site
    }

    @Test func aLeadPhotoIsPublishedUprightInWidthsUpToItsOwnAsJPEGAndWebP() throws {
        let site = try Self.withPhoto()
        let summary = try site.build()
        #expect(summary.picturesMade == 2, "the photo and the body's figure")
        let files = site.outputFiles()
        let folder = "politik/erste-meldung/"
        for name in ["lead-480w.jpg", "lead-800w.jpg", "lead-800w.webp", "detail-96w.png", "detail-96w.webp"] {
            #expect(files[folder + name] != nil, "\(name)")
        }
        // The fixture photo is noise: its 480-pixel WebP is no smaller than the 800-pixel one, so it is left out.
        #expect(files[folder + "lead-480w.webp"] == nil)
        #expect(!files.keys.contains { $0.hasPrefix(folder + "lead-1") || $0.hasPrefix(folder + "lead-2") }, "never enlarged")
        #expect(files[folder + "lead.jpg"] == nil && files[folder + "detail.png"] == nil, "originals are not published")

        let page = Workspace.text(files, folder + "index.html")
        #expect(page.contains(#"<figure><img src="/politik/erste-meldung/lead-800w.jpg" alt="Ein Apfel">"#), "the fixture theme's plain <img>")
        let figure = #"<img src="/politik/erste-meldung/detail-96w.png" alt="Detail" width="96" height="72">"#
        #expect(page.contains(figure))
        let feed = Workspace.text(files, "atom.xml")
        #expect(feed.contains("https://test.example/politik/erste-meldung/lead-800w.jpg") && feed.contains(#"type="image/jpeg""#))
        #expect(feed.contains("/politik/erste-meldung/detail-96w.png"), "the feed's figure shows a published file")
    }

    @Test func theDefaultThemeOffersEveryDerivativeInAPictureElement() throws {
        let site = try Self.withPhoto()
        let theme = SiteBuilderTests.fixture.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for folder in ["templates", "static"] {
            try FileManager.default.removeItem(at: site.site.appendingPathComponent(folder))
            try FileManager.default.copyItem(at: theme.appendingPathComponent(folder), to: site.site.appendingPathComponent(folder))
        }
        try site.build()
        let files = site.outputFiles()
        let page = Workspace.text(files, "politik/erste-meldung/index.html")
        let lead = #"<picture><source type="image/webp" srcset="/politik/erste-meldung/lead-800w.webp 800w" sizes="(min-width: 60rem) 60rem, 100vw">"#
            + #"<img src="/politik/erste-meldung/lead-800w.jpg" srcset="/politik/erste-meldung/lead-480w.jpg 480w, /politik/erste-meldung/lead-800w.jpg 800w" sizes="(min-width: 60rem) 60rem, 100vw" alt="Ein Apfel" width="800" height="1200" fetchpriority="high"></picture>"#
        #expect(page.contains(lead), "upright size, loaded first:\n\(page)")
        #expect(page.contains(#"srcset="/politik/erste-meldung/detail-96w.png 96w" sizes="(min-width: 44rem) 40rem, 100vw" alt="Detail" width="96" height="72" loading="lazy" decoding="async">"#),
                "a body figure loads lazily")
        #expect(page.contains(#"<meta property="og:image" content="https://test.example/politik/erste-meldung/lead-social-800w.jpg">"#),
                "social cards show the 1.91:1 crop")
        #expect(files["politik/erste-meldung/lead-social-800w.jpg"] != nil)
        let home = Workspace.text(files, "index.html")
        #expect(home.contains(#"<source type="image/webp" srcset="/politik/erste-meldung/lead-800w.webp 800w""#), "the lead story shows the whole picture")
        let section = Workspace.text(files, "politik/index.html")
        #expect(section.contains(#"/politik/erste-meldung/lead-card-800w.jpg 800w" sizes="(min-width: 40rem) 24rem, 100vw" alt="Ein Apfel" width="800" height="450""#),
                "cards show the 16:9 crop:\n\(section)")
    }

    @Test func derivativesCarryNoCameraMetadata() throws {
        let site = try Self.withPhoto()
        try site.build()
        let original = try Data(contentsOf: Self.photo)
        #expect(original.range(of: Data("SN-0042-4711".utf8)) != nil, "the fixture has a serial number to strip")
        for name in ["lead-480w.jpg", "lead-800w.jpg", "lead-800w.webp"] {
            let data = try #require(site.outputFiles()["politik/erste-meldung/" + name])
            // The camera's fields, XMP and IPTC are gone everywhere; WebP files have no EXIF chunk.
            for marker in ["SN-0042-4711", "http://ns.adobe.com/xap", "Photoshop 3.0", "Erika Muster"] {
                #expect(data.range(of: Data(marker.utf8)) == nil, "\(name) carries \(marker)")
            }
            if name.hasSuffix(".webp") { #expect(data.range(of: Data("EXIF".utf8)) == nil, "\(name) has an EXIF chunk") }
        }
    }

    @Test func originalsArePublishedWhenSiteYmlAsks() throws {
        let site = try Self.withPhoto(siteYML: "images:\n  originals: true\n  widths: [200, 400]\n")
        try site.build()
        let files = site.outputFiles()
        #expect(files["politik/erste-meldung/lead.jpg"] == (try Data(contentsOf: Self.photo)))
        #expect(Set(files.keys.filter { $0.hasPrefix("politik/erste-meldung/lead-") && !$0.contains("-card-") && !$0.contains("-social-") }) == [
            "politik/erste-meldung/lead-200w.jpg", "politik/erste-meldung/lead-200w.webp",
            "politik/erste-meldung/lead-400w.jpg", "politik/erste-meldung/lead-400w.webp",
        ], "the widths of site.yml, none above the largest asked for")
    }

    @Test func anUnchangedPictureIsNeverDecodedAgain() throws {
        let site = try Self.withPhoto()
        #expect(try site.build().picturesMade == 2)
        try site.edit(Self.article) { $0 + "\nNoch ein Absatz.\n" }
        #expect(try site.build().picturesMade == 0, "an edit of the article's text")
        let lead = site.site.appendingPathComponent(Self.bundle + "lead.jpg")
        try Data(contentsOf: lead).write(to: lead)
        #expect(try site.build().picturesMade == 0, "the same bytes written again")
        // The same photo under a second name in another article: one picture, made once.
        try FileManager.default.createDirectory(at: site.site.appendingPathComponent("static/img"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.photo, to: site.site.appendingPathComponent("static/img/zweites.jpg"))
        try site.edit("content/kultur/zweite-meldung.md") {
            "---\nimage:\n  src: /img/zweites.jpg\n  alt: Zwei\n  credit: \"Foto: Agentur\"" + $0.dropFirst(3)
        }
        #expect(try site.build().picturesMade == 0, "the same bytes are the same picture")
        #expect(site.outputFiles()["img/zweites-800w.webp"] == site.outputFiles()["politik/erste-meldung/lead-800w.webp"])
        #expect(site.outputFiles()["img/zweites.jpg"] != nil, "static files are published as they are")
        #expect(site.outputFiles() == (try site.cleanBuild()))
        try TestPictures.png(width: 300, height: 200).write(to: lead)
        let replaced = try site.build()
        #expect(replaced.picturesMade == 1, "a new photo")
        #expect(site.outputFiles()["politik/erste-meldung/lead-300w.png"] != nil)
        #expect(site.outputFiles()["politik/erste-meldung/lead-800w.jpg"] == nil, "the old photo's derivatives are gone")
        #expect(site.outputFiles() == (try site.cleanBuild()))
    }

    @Test func identicalPicturesAreMadeOnce() throws {
        let site = try Workspace()
        let picture = TestPictures.png(width: 64, height: 48, tint: 3)
        try picture.write(to: site.site.appendingPathComponent(Self.bundle + "detail.png"))
        try picture.write(to: site.site.appendingPathComponent(Self.bundle + "zweites.png"))
        try site.edit(Self.article) { $0 + "\n![Noch einmal](zweites.png \"Foto: Redaktion\")\n" }
        let summary = try site.build()
        #expect(summary.picturesMade == 2, "the lead image, and the two figures' one picture")
        let files = site.outputFiles()
        #expect(files["politik/erste-meldung/zweites-64w.png"] == files["politik/erste-meldung/detail-64w.png"])
    }

    @Test func aCorruptPictureFailsTheBuildNamingItAndLeavesTheOutputAsItWas() throws {
        let site = try Self.withPhoto()
        try site.build()
        let before = site.stamps()
        try FileManager.default.removeItem(at: site.site.appendingPathComponent(Self.bundle + "lead.jpg"))
        try FileManager.default.copyItem(at: Self.truncated, to: site.site.appendingPathComponent(Self.bundle + "lead.jpg"))
        #expect {
            try site.build()
        } throws: { error in
            let text = "\(error)"
            return text.contains("content/politik/erste-meldung/lead.jpg") && text.contains("cannot read this image")
        }
        #expect(site.touched(since: before).isEmpty)
    }

    @Test func newWidthsInSiteYmlRemakeTheDerivativesAndDropTheOldOnes() throws {
        let site = try Self.withPhoto()
        try site.build()
        let store = site.options().pictureFolder
        let entries = try FileManager.default.contentsOfDirectory(atPath: store.path)
        try site.edit("site.yml") { $0 + "images:\n  widths: [300]\n" }
        #expect(try site.build().picturesMade == 2)
        #expect(site.outputFiles()["politik/erste-meldung/lead-300w.webp"] != nil)
        #expect(site.outputFiles()["politik/erste-meldung/lead-480w.webp"] == nil)
        let now = try FileManager.default.contentsOfDirectory(atPath: store.path)
        #expect(now.count == 2 && Set(now).isDisjoint(with: entries), "the store keeps only what the output uses")
        #expect(site.outputFiles() == (try site.cleanBuild()))
    }
}

/// The preview's live build: saving an article never decodes its pictures again.
@Suite struct LivePictureTests {
    @Test func aSavedArticleDoesNotTouchItsPictures() throws {
        let site = try PictureBuildTests.withPhoto()
        let now = site.options().now
        let live = LiveBuild(options: site.options(), clock: { now })
        let first = MemoryOutput()
        #expect(try live.rebuild(into: first, fromScratch: true).picturesMade == 2)
        try site.edit(PictureBuildTests.article) { $0.replacingOccurrences(of: "Erster Absatz", with: "Der erste Absatz") }
        let saved = try #require(live.savedArticlePages([PictureBuildTests.article]))
        #expect(String(decoding: saved["politik/erste-meldung/index.html"] ?? Data(), as: UTF8.self).contains("lead-800w.jpg"),
                "the saved article's page shows the pictures made before")
        let again = MemoryOutput(previous: first.files, keys: live.outputKeys)
        let summary = try live.rebuild(into: again, fromScratch: false)
        #expect(summary.picturesMade == 0)
        #expect(!again.writtenPaths.contains { $0.contains("/lead-") || $0.contains("/detail-") }, "no derivative is written again")
        #expect(again.files == (try site.cleanBuild()))
    }
}

extension PictureBuildTests {
    @Test func twoPicturesOfOneNameInOneFolderAreAnError() throws {
        let site = try Workspace()
        try TestPictures.png(width: 64, height: 48, tint: 1).write(to: site.site.appendingPathComponent(Self.bundle + "detail.webp"))
        try TestPictures.png(width: 64, height: 48, tint: 2).write(to: site.site.appendingPathComponent(Self.bundle + "detail.png"))
        try site.edit(Self.article) { $0 + "\n![Zweites](detail.webp \"Foto: Redaktion\")\n" }
        let failure = site.buildFailure()
        #expect(failure.contains("content/politik/erste-meldung/detail.webp:1:1: error: this picture's derivatives would be published under the names of content/politik/erste-meldung/detail.png's (politik/erste-meldung/detail-64w.png)"),
                "\(failure)")
    }
}

extension PictureBuildTests {
    @Test func anEntryWithAFileMissingIsMadeAnew() throws {
        let site = try Self.withPhoto()
        try site.build()
        let store = site.options().pictureFolder.path
        for entry in try FileManager.default.contentsOfDirectory(atPath: store) {
            let files = try FileManager.default.contentsOfDirectory(atPath: store + "/" + entry)
            if let victim = files.first(where: { $0.hasPrefix("800x") }) { try FileManager.default.removeItem(atPath: store + "/" + entry + "/" + victim) }
        }
        var options = site.options()
        options.clean = true
        #expect(try SiteBuilder(options: options).build().picturesMade == 1, "the photo's entry lacks a file: it is not trusted")
        #expect(site.outputFiles() == (try site.cleanBuild()))
    }

    @Test func svgAndNamesWithSpacesArePublishedAsUsable() throws {
        let site = try Workspace()
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="10000"><rect width="10" height="10"/></svg>"#
        try site.write([Self.bundle + "karte.svg": svg])
        try TestPictures.png(width: 200, height: 100).write(to: site.site.appendingPathComponent(Self.bundle + "Karte 1.png"))
        try site.edit(Self.article) { $0 + "\n![Plan](karte.svg \"Grafik: Redaktion\")\n\n![Karte](Karte%201.png \"Grafik: Redaktion\")\n" }
        let files = try site.cleanBuild()
        #expect(files["politik/erste-meldung/karte.svg"] == Data(svg.utf8), "an SVG is published as it is, whatever its size")
        #expect(files["politik/erste-meldung/Karte 1-200w.webp"] != nil)
        let page = Workspace.text(files, "politik/erste-meldung/index.html")
        #expect(page.contains(#"src="/politik/erste-meldung/Karte%201-200w.png""#), "\(page)")
    }
}
