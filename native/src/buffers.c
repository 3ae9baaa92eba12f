#include "buffers.h"

#include <libavutil/imgutils.h>

#include "playout_av.h"

/* The padding promised by callers must cover what FFmpeg's own API demands. */
_Static_assert(PLAYOUT_AV_PADDING >= AV_INPUT_BUFFER_PADDING_SIZE, "PLAYOUT_AV_PADDING is below FFmpeg's");

int32_t buffers_check_dimensions(int32_t width, int32_t height)
{
    if (width <= 0 || height <= 0 || av_image_check_size((unsigned)width, (unsigned)height, 0, NULL) < 0)
        return PLAYOUT_AV_EDIMENSIONS;
    return 0;
}

int64_t buffers_plane_extent(int32_t stride, int32_t line_bytes, int32_t lines)
{
    return (int64_t)(lines - 1) * stride + line_bytes + PLAYOUT_AV_PADDING;
}

int32_t buffers_check_plane(const uint8_t* data, int32_t stride, int32_t size, int32_t line_bytes, int32_t lines)
{
    if (!data)
        return PLAYOUT_AV_ENULL;
    if (stride <= 0 || stride < line_bytes)
        return PLAYOUT_AV_ESTRIDE;
    if (size < buffers_plane_extent(stride, line_bytes, lines))
        return PLAYOUT_AV_EPLANESIZE;
    return 0;
}

int32_t buffers_check_disjoint(uint8_t* const data[], const int64_t extent[], int count)
{
    for (int i = 0; i < count; i++)
        for (int j = i + 1; j < count; j++)
            if (data[i] < data[j] + extent[j] && data[j] < data[i] + extent[i])
                return PLAYOUT_AV_EOVERLAP;
    return 0;
}

static void release(void* live, uint8_t* data)
{
    (void)data;
    --*(int*)live;
}

AVBufferRef* buffers_wrap(const uint8_t* data, int64_t size, int read_only, int* live)
{
    /* FFmpeg only writes a buffer that is not flagged read-only, so the const is kept in spirit. */
    AVBufferRef* ref = av_buffer_create((uint8_t*)data, (size_t)size, release, live,
        read_only ? AV_BUFFER_FLAG_READONLY : 0);
    if (ref)
        ++*live;
    return ref;
}

int32_t buffers_end_call(AVCodecContext** codec, int live, int32_t result)
{
    if (live == 0)
        return result;
    avcodec_free_context(codec);
    return PLAYOUT_AV_ERETAINED;
}
