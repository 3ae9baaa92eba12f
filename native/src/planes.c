#include "planes.h"

#include <libavutil/common.h>
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>

#include "buffers.h"
#include "playout_av.h"

int32_t planes_describe_format(enum AVPixelFormat format, int32_t width, int32_t height, int output, Planes* planes)
{
    int32_t ret = buffers_check_dimensions(width, height);
    if (ret < 0)
        return ret;
    const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(format);
    if (!desc)
        return PLAYOUT_AV_EPIXFMT;
    /* A palette would be a plane of its own that the per-plane checks do not describe. */
    if ((desc->flags & AV_PIX_FMT_FLAG_PAL) || !(output ? sws_isSupportedOutput(format) : sws_isSupportedInput(format)))
        return PLAYOUT_AV_EPIXFMTUNSUPPORTED;
    int line_bytes[4];
    ret = av_image_fill_linesizes(line_bytes, format, width);
    if (ret < 0)
        return ret;
    planes->format = format;
    planes->width = width;
    planes->height = height;
    planes->count = av_pix_fmt_count_planes(format);
    for (int i = 0; i < planes->count; i++) {
        planes->line_bytes[i] = line_bytes[i];
        /* Planes 1 and 2 are chroma (subsampled vertically by log2_chroma_h); 0 and 3 are luma and alpha. */
        planes->lines[i] = i == 1 || i == 2 ? AV_CEIL_RSHIFT(height, desc->log2_chroma_h) : height;
    }
    return 0;
}

int32_t planes_describe(const char* name, int32_t width, int32_t height, int output, Planes* planes)
{
    if (!name)
        return PLAYOUT_AV_ENULL;
    int32_t ret = buffers_check_dimensions(width, height);
    if (ret < 0)
        return ret;
    enum AVPixelFormat format = av_get_pix_fmt(name);
    if (format == AV_PIX_FMT_NONE)
        return PLAYOUT_AV_EPIXFMT;
    return planes_describe_format(format, width, height, output, planes);
}

int32_t planes_check_source(const Planes* planes, const uint8_t* const data[4], const int32_t strides[4],
    const int32_t sizes[4], const uint8_t* in[4], int in_strides[4])
{
    if (!data || !strides || !sizes)
        return PLAYOUT_AV_ENULL;
    for (int i = 0; i < 4; i++) {
        in[i] = NULL;
        in_strides[i] = 0;
    }
    for (int i = 0; i < planes->count; i++) {
        int32_t ret = buffers_check_plane(data[i], strides[i], sizes[i], planes->line_bytes[i], planes->lines[i]);
        if (ret < 0)
            return ret;
        in[i] = data[i];
        in_strides[i] = strides[i];
    }
    return 0;
}

int32_t planes_check_destination(const Planes* planes, uint8_t* const data[4], const int32_t strides[4],
    const int32_t sizes[4], uint8_t* out[4], int out_strides[4])
{
    if (!data || !strides || !sizes)
        return PLAYOUT_AV_ENULL;
    int64_t extents[4] = { 0 };
    for (int i = 0; i < 4; i++) {
        out[i] = NULL;
        out_strides[i] = 0;
    }
    for (int i = 0; i < planes->count; i++) {
        int32_t ret = buffers_check_plane(data[i], strides[i], sizes[i], planes->line_bytes[i], planes->lines[i]);
        if (ret < 0)
            return ret;
        out[i] = data[i];
        out_strides[i] = strides[i];
        extents[i] = buffers_plane_extent(strides[i], planes->line_bytes[i], planes->lines[i]);
    }
    return buffers_check_disjoint(out, extents, planes->count);
}
