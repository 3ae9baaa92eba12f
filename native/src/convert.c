#include "convert.h"

#include <string.h>

#include <libavutil/common.h>
#include <libavutil/imgutils.h>
#include <libavutil/mem.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>

#include "playout_av.h"

/* Fields hold every other line, chroma lines included: each field needs a whole number of them. */
static int splits_into_fields(enum AVPixelFormat format, int height)
{
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(format);
    return desc && height % (2 << desc->log2_chroma_h) == 0;
}

static int32_t prepare(Converter* c, const Picture* src, const Picture* dst, int src_height, int dst_height, int flags)
{
    if (c->sws && c->src_width == src->width && c->src_height == src_height && c->src_format == src->format
        && c->dst_width == dst->width && c->dst_height == dst_height && c->dst_format == dst->format
        && c->flags == flags && c->colorspace == src->colorspace && c->range == src->range)
        return 0;
    sws_freeContext(c->sws);
    c->sws = sws_getContext(src->width, src_height, src->format, dst->width, dst_height, dst->format, flags, NULL, NULL, NULL);
    if (!c->sws)
        return PLAYOUT_AV_ESCALER;
    c->src_width = src->width;
    c->src_height = src_height;
    c->src_format = src->format;
    c->dst_width = dst->width;
    c->dst_height = dst_height;
    c->dst_format = dst->format;
    c->flags = flags;
    c->colorspace = src->colorspace;
    c->range = src->range;
    /* swscale assumes BT.601 and the range the format names (yuvj* full, the rest limited) unless told
     * (only YUV sources have a matrix to tell).
     * Both sides get the source's matrix: only RGB output uses it, and YUV output keeps the samples'
     * matrix (swscale would convert YUV to YUV between different matrices through RGB). */
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(src->format);
    if ((src->colorspace != AVCOL_SPC_UNSPECIFIED || src->range == AVCOL_RANGE_JPEG) && !(desc->flags & AV_PIX_FMT_FLAG_RGB)) {
        int *inv_table, *table, src_range, dst_range, brightness, contrast, saturation;
        const int* coefficients = sws_getCoefficients(src->colorspace);
        if (sws_getColorspaceDetails(c->sws, &inv_table, &src_range, &table, &dst_range, &brightness, &contrast, &saturation) >= 0)
            sws_setColorspaceDetails(c->sws, coefficients, src_range || src->range == AVCOL_RANGE_JPEG,
                coefficients, dst_range, brightness, contrast, saturation);
    }
    return 0;
}

int32_t convert_run(Converter* c, const Picture* src, const Picture* dst, int flags, int by_field)
{
    by_field = by_field && splits_into_fields(src->format, src->height) && splits_into_fields(dst->format, dst->height);
    int32_t ret = prepare(c, src, dst, by_field ? src->height / 2 : src->height, by_field ? dst->height / 2 : dst->height, flags);
    if (ret < 0)
        return ret;
    if (!by_field) {
        ret = sws_scale(c->sws, (const uint8_t* const*)src->data, src->strides, 0, src->height, dst->data, dst->strides);
        return ret < 0 ? ret : 0;
    }
    /* swscale may write up to PLAYOUT_AV_PADDING bytes past the end of a line. Whole pictures are written
     * line after line, so the next line overwrites that; here a bottom-field line's overreach would land
     * on the start of the top-field line below it, written already. Those starts are kept and put back. */
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(dst->format);
    int line_bytes[4];
    ret = av_image_fill_linesizes(line_bytes, dst->format, dst->width);
    if (ret < 0)
        return ret;
    int kept_bytes[4] = { 0 }, kept_lines[4] = { 0 };
    size_t total = 0;
    for (int i = 0; i < 4; i++) {
        if (!dst->data[i])
            continue;
        kept_bytes[i] = FFMIN(line_bytes[i], PLAYOUT_AV_PADDING);
        /* Top-field lines 2, 4, ... of the plane: every one but the first can be hit. */
        int lines = i == 1 || i == 2 ? AV_CEIL_RSHIFT(dst->height, desc->log2_chroma_h) : dst->height;
        kept_lines[i] = (lines - 1) / 2;
        total += (size_t)kept_bytes[i] * kept_lines[i];
    }
    av_fast_malloc(&c->kept, &c->kept_size, total);
    if (!c->kept && total > 0)
        return AVERROR(ENOMEM);
    /* The same context serves both fields: each sws_scale of a whole picture starts afresh. */
    for (int field = 0; field < 2; field++) {
        const uint8_t* in[4] = { NULL };
        uint8_t* out[4] = { NULL };
        int in_strides[4] = { 0 }, out_strides[4] = { 0 };
        for (int i = 0; i < 4; i++) {
            if (src->data[i]) {
                in[i] = src->data[i] + field * src->strides[i];
                in_strides[i] = src->strides[i] * 2;
            }
            if (dst->data[i]) {
                out[i] = dst->data[i] + field * dst->strides[i];
                out_strides[i] = dst->strides[i] * 2;
            }
        }
        ret = sws_scale(c->sws, in, in_strides, 0, src->height / 2, out, out_strides);
        if (ret < 0)
            return ret;
        uint8_t* kept = c->kept;
        for (int i = 0; i < 4; i++)
            for (int line = 1; line <= kept_lines[i]; line++, kept += kept_bytes[i]) {
                uint8_t* start = dst->data[i] + (ptrdiff_t)2 * line * dst->strides[i];
                if (field == 0)
                    memcpy(kept, start, (size_t)kept_bytes[i]);
                else
                    memcpy(start, kept, (size_t)kept_bytes[i]);
            }
    }
    return 0;
}

void convert_free(Converter* c)
{
    sws_freeContext(c->sws);
    c->sws = NULL;
    av_freep(&c->kept);
    c->kept_size = 0;
}
