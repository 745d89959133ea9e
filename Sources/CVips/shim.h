// libvips, and fixed-argument wrappers of the calls magbuild makes: libvips takes its
// options as NULL-terminated variadic arguments, which Swift cannot pass.
#include <malloc.h>
#include <vips/vips.h>
#include <webp/encode.h>

static inline GLogWriterOutput magbuild_vips_log(GLogLevelFlags level, const GLogField *fields, gsize count, gpointer data) {
    if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)) return g_log_writer_default(level, fields, count, data);
    return G_LOG_WRITER_HANDLED;
}

/// Starts libvips once: no operation cache (a build processes each image once), no leak
/// report, no warnings on stderr (a failed image is reported by the build, with libvips'
/// error message, at its file), and no liborc: orc before 0.4.34 (Debian 12 has 0.4.33) is
/// not thread-safe and crashed test runs that made pictures on several threads at once;
/// without it a 2400-pixel photo's thumbnail took 0.10 s instead of 0.09 s.
/// glibc's malloc gets at most `arenas` arenas: by default each new thread (libvips starts
/// its own) may take one of its own, up to eight per core, and each keeps what was freed in
/// it; a build making one picture with transparency peaked at 229 MB so, at 178 MB with two.
/// Blocks of a megabyte and more (decoded pictures, encoders' buffers) are mapped apart and
/// given back when freed: glibc's default moves that threshold up to the largest block freed
/// (32 MB at most), and the next pictures' buffers then fragmented the arenas (the benchmark's
/// peak, 178–198 MB, became 172–183 MB; BENCHMARKS.md, "Pictures and memory").
static inline int magbuild_vips_start(const char *argv0, int arenas) {
    mallopt(M_ARENA_MAX, arenas);
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    g_log_set_writer_func(magbuild_vips_log, NULL, NULL);
    if (VIPS_INIT(argv0)) return -1;
    vips_cache_set_max(0);
    vips_leak_set(FALSE);
    vips_vector_set_enabled(FALSE);
    return 0;
}

/// Opens an image for reading its header and metadata (pixels are decoded later, in order).
static inline VipsImage *magbuild_vips_open(const char *path) {
    return vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
}

/// The image at `path`, `width` pixels wide at most (never enlarged), turned upright by its
/// EXIF orientation, shrunk while it is decoded where the format allows, in sRGB (a picture
/// with a colour profile of its own, or in CMYK, is converted).
static inline int magbuild_vips_thumbnail(const char *path, VipsImage **out, int width) {
    return vips_thumbnail(path, out, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                          "export_profile", "srgb", "fail_on", VIPS_FAIL_ON_ERROR, NULL);
}

/// `in` decoded into memory, without any metadata (EXIF with GPS positions and serial
/// numbers, XMP, IPTC, colour profile: the pixels are sRGB already): its derivatives are
/// made from it, and encoders do not all honour their `strip` option (WebP in libvips 8.14).
static inline VipsImage *magbuild_vips_plain_copy(VipsImage *in) {
    VipsImage *memory = vips_image_copy_memory(in);
    if (!memory) return NULL;
    VipsImage *out;
    int failed = vips_copy(memory, &out, NULL);
    g_object_unref(memory);
    if (failed) return NULL;
    gchar **fields = vips_image_get_fields(out);
    for (int i = 0; fields[i]; i++) {
        const char *name = fields[i];
        if (g_str_has_prefix(name, "exif-") || g_str_has_prefix(name, "xmp-") || g_str_has_prefix(name, "iptc-")
            || g_str_has_prefix(name, "ipct-") || g_str_has_prefix(name, "icc-") || g_str_has_prefix(name, "orientation")
            || g_str_has_prefix(name, "photoshop-") || g_str_has_prefix(name, "png-comment") || g_str_has_prefix(name, "gif-comment")) {
            vips_image_remove(out, name);
        }
    }
    g_strfreev(fields);
    return out;
}

/// `in` (upright already) scaled down to `width` pixels wide, computed into memory: it is
/// encoded in two or three formats and the next width is made from it, and a lazy libvips
/// image would compute its whole chain of shrinks again for each (a 2400-pixel photo's
/// derivatives took 1.5 s of CPU lazily, 0.5 s computed once).
static inline int magbuild_vips_shrink(VipsImage *in, VipsImage **out, int width) {
    VipsImage *lazy;
    if (vips_thumbnail_image(in, &lazy, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, "no_rotate", TRUE, NULL)) return -1;
    *out = vips_image_copy_memory(lazy);
    g_object_unref(lazy);
    return *out ? 0 : -1;
}

/// `in` cut to `width` × `height` around its most interesting part (libvips' attention crop:
/// skin tones, saturated colour and edges).
static inline int magbuild_vips_attention_crop(VipsImage *in, VipsImage **out, int width, int height) {
    return vips_smartcrop(in, out, width, height, "interesting", VIPS_INTERESTING_ATTENTION, NULL);
}

/// The `width` × `height` area of `in` whose top left corner is at `left`, `top`.
static inline int magbuild_vips_crop(VipsImage *in, VipsImage **out, int left, int top, int width, int height) {
    return vips_crop(in, out, left, top, width, height, NULL);
}

// Encoders, of images without metadata (magbuild_vips_plain_copy); `strip` as well.
static inline int magbuild_vips_save_jpeg(VipsImage *in, void **buffer, size_t *length, int quality) {
    return vips_jpegsave_buffer(in, buffer, length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE,
                                "interlace", TRUE, NULL);
}

static inline int magbuild_vips_save_png(VipsImage *in, void **buffer, size_t *length) {
    return vips_pngsave_buffer(in, buffer, length, "strip", TRUE, "compression", 6, NULL);
}

/// WebP, lossy, by libwebp directly for 8-bit RGB and RGBA (others through libvips): libvips
/// 8.14 copies the whole image into a frame of its own first and adds an EXIF block. A
/// 2400-pixel drawing with transparency needed 151 MB through libvips, 132 MB so; the
/// picture is the same, without the EXIF block (BENCHMARKS.md, "Pictures and memory").
static inline int magbuild_vips_save_webp(VipsImage *in, void **buffer, size_t *length, int quality, int effort) {
    int bands = vips_image_get_bands(in);
    if (vips_image_get_format(in) != VIPS_FORMAT_UCHAR || (bands != 3 && bands != 4)) {
        return vips_webpsave_buffer(in, buffer, length, "Q", quality, "effort", effort, "strip", TRUE, NULL);
    }
    if (vips_image_wio_input(in)) return -1;
    WebPConfig config;
    WebPPicture picture;
    if (!WebPConfigPreset(&config, WEBP_PRESET_DEFAULT, (float)quality) || !WebPPictureInit(&picture)) {
        vips_error("webp", "%s", "libwebp is not the version magbuild was built with");
        return -1;
    }
    config.method = effort;
    picture.width = vips_image_get_width(in);
    picture.height = vips_image_get_height(in);
    WebPMemoryWriter writer;
    WebPMemoryWriterInit(&writer);
    picture.writer = WebPMemoryWrite;
    picture.custom_ptr = &writer;
    const uint8_t *pixels = (const uint8_t *)VIPS_IMAGE_ADDR(in, 0, 0);
    int stride = (int)VIPS_IMAGE_SIZEOF_LINE(in);
    int imported = bands == 4 ? WebPPictureImportRGBA(&picture, pixels, stride) : WebPPictureImportRGB(&picture, pixels, stride);
    int encoded = imported && WebPEncode(&config, &picture);
    int error = picture.error_code;
    WebPPictureFree(&picture);
    if (!encoded) {
        WebPMemoryWriterClear(&writer);
        vips_error("webp", "libwebp could not encode the picture (error %d)", error);
        return -1;
    }
    *buffer = g_memdup2(writer.mem, writer.size);
    *length = writer.size;
    WebPMemoryWriterClear(&writer);
    return 0;
}

static inline int magbuild_vips_save_avif(VipsImage *in, void **buffer, size_t *length, int quality, int effort) {
    return vips_heifsave_buffer(in, buffer, length, "Q", quality, "effort", effort, "strip", TRUE,
                                "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1, NULL);
}

/// Whether this libvips encodes AVIF (libheif with an AV1 encoder): it encodes a small picture.
static inline int magbuild_vips_can_encode_avif(void) {
    VipsImage *black;
    if (vips_black(&black, 16, 16, "bands", 3, NULL)) return 0;
    void *buffer = NULL;
    size_t length = 0;
    int failed = vips_heifsave_buffer(black, &buffer, &length, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1, NULL);
    g_object_unref(black);
    g_free(buffer);
    if (failed) g_free(vips_error_buffer_copy());
    return !failed && length > 0;
}

/// The mean of all pixel values of `in` (the tests check where a crop was cut with it).
static inline int magbuild_vips_average(VipsImage *in, double *out) {
    return vips_avg(in, out, NULL);
}

static inline void magbuild_vips_release(VipsImage *image) {
    g_object_unref(image);
}

/// Returns the memory free()d since to the system (glibc keeps it in its arenas for reuse).
static inline void magbuild_release_freed_memory(void) {
    malloc_trim(0);
}
