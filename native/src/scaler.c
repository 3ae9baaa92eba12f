#include <stdlib.h>

#include <libavutil/common.h>
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>

#include "buffers.h"
#include "playout_av.h"

/* The planes of one side of a conversion, as the per-call checks need them. */
typedef struct {
    int count;
    int32_t line_bytes[4];
    int32_t lines[4];
} Planes;

struct PlayoutAvScaler {
    struct SwsContext* sws;
    int32_t src_height;
    Planes src;
    Planes dst;
};

static int32_t describe(const char* name, int32_t width, int32_t height, int output,
    enum AVPixelFormat* format, Planes* planes)
{
    if (!name)
        return PLAYOUT_AV_ENULL;
    int32_t ret = buffers_check_dimensions(width, height);
    if (ret < 0)
        return ret;
    *format = av_get_pix_fmt(name);
    if (*format == AV_PIX_FMT_NONE)
        return PLAYOUT_AV_EPIXFMT;
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(*format);
    /* A palette would be a plane of its own that the per-plane checks do not describe. */
    if ((desc->flags & AV_PIX_FMT_FLAG_PAL) || !(output ? sws_isSupportedOutput(*format) : sws_isSupportedInput(*format)))
        return PLAYOUT_AV_EPIXFMTUNSUPPORTED;
    int line_bytes[4];
    ret = av_image_fill_linesizes(line_bytes, *format, width);
    if (ret < 0)
        return ret;
    planes->count = av_pix_fmt_count_planes(*format);
    for (int i = 0; i < planes->count; i++) {
        planes->line_bytes[i] = line_bytes[i];
        /* Planes 1 and 2 are chroma (subsampled vertically by log2_chroma_h); 0 and 3 are luma and alpha. */
        planes->lines[i] = i == 1 || i == 2 ? AV_CEIL_RSHIFT(height, desc->log2_chroma_h) : height;
    }
    return 0;
}

int32_t PlayoutAv_ScalerOpen(
    int32_t src_width, int32_t src_height, const char* src_format,
    int32_t dst_width, int32_t dst_height, const char* dst_format,
    int32_t flags, PlayoutAvScaler** scaler)
{
    if (!scaler)
        return PLAYOUT_AV_ENULL;
    *scaler = NULL;
    PlayoutAvScaler* s = calloc(1, sizeof *s);
    if (!s)
        return AVERROR(ENOMEM);
    enum AVPixelFormat src_pix, dst_pix;
    int32_t ret = describe(src_format, src_width, src_height, 0, &src_pix, &s->src);
    if (ret == 0)
        ret = describe(dst_format, dst_width, dst_height, 1, &dst_pix, &s->dst);
    if (ret == 0) {
        s->sws = sws_getContext(src_width, src_height, src_pix, dst_width, dst_height, dst_pix, flags, NULL, NULL, NULL);
        if (!s->sws)
            ret = PLAYOUT_AV_ESCALER;
    }
    if (ret < 0) {
        PlayoutAv_ScalerClose(s);
        return ret;
    }
    s->src_height = src_height;
    *scaler = s;
    return 0;
}

int32_t PlayoutAv_Scale(PlayoutAvScaler* scaler,
    const uint8_t* const src[4], const int32_t src_strides[4], const int32_t src_sizes[4],
    uint8_t* const dst[4], const int32_t dst_strides[4], const int32_t dst_sizes[4])
{
    if (!scaler || !src || !src_strides || !src_sizes || !dst || !dst_strides || !dst_sizes)
        return PLAYOUT_AV_ENULL;
    /* swscale gets NULL for planes the formats do not have, whatever the caller left there. */
    const uint8_t* in[4] = { NULL };
    int in_strides[4] = { 0 };
    uint8_t* out[4] = { NULL };
    int out_strides[4] = { 0 };
    int64_t out_extents[4] = { 0 };
    for (int i = 0; i < scaler->src.count; i++) {
        int32_t ret = buffers_check_plane(src[i], src_strides[i], src_sizes[i], scaler->src.line_bytes[i], scaler->src.lines[i]);
        if (ret < 0)
            return ret;
        in[i] = src[i];
        in_strides[i] = src_strides[i];
    }
    for (int i = 0; i < scaler->dst.count; i++) {
        int32_t ret = buffers_check_plane(dst[i], dst_strides[i], dst_sizes[i], scaler->dst.line_bytes[i], scaler->dst.lines[i]);
        if (ret < 0)
            return ret;
        out[i] = dst[i];
        out_strides[i] = dst_strides[i];
        out_extents[i] = buffers_plane_extent(dst_strides[i], scaler->dst.line_bytes[i], scaler->dst.lines[i]);
    }
    int32_t ret = buffers_check_disjoint(out, out_extents, scaler->dst.count);
    if (ret < 0)
        return ret;
    ret = sws_scale(scaler->sws, in, in_strides, 0, scaler->src_height, out, out_strides);
    return ret < 0 ? ret : 0;
}

int32_t PlayoutAv_ScalerClose(PlayoutAvScaler* scaler)
{
    if (scaler) {
        sws_freeContext(scaler->sws);
        free(scaler);
    }
    return 0;
}
