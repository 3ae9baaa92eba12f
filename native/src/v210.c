#include "v210.h"

#include "buffers.h"
#include "playout_av.h"

int32_t v210_line_stride(int32_t width)
{
    return (width + 47) / 48 * 128;
}

int32_t v210_alloc_context(int32_t width, int32_t height, int encoder, AVCodecContext** codec)
{
    int32_t ret = buffers_check_dimensions(width, height);
    if (ret < 0)
        return ret;
    if (width % 2 != 0)
        return PLAYOUT_AV_EODDWIDTH;
    const AVCodec* v210 = encoder ? avcodec_find_encoder(AV_CODEC_ID_V210) : avcodec_find_decoder(AV_CODEC_ID_V210);
    if (!v210)
        return encoder ? AVERROR_ENCODER_NOT_FOUND : AVERROR_DECODER_NOT_FOUND;
    *codec = avcodec_alloc_context3(v210);
    if (!*codec)
        return AVERROR(ENOMEM);
    (*codec)->width = width;
    (*codec)->height = height;
    /* No threads: the caller's buffers are handed to FFmpeg for the duration of one call only, and
     * frame threading would keep them across calls. Callers parallelise across handles instead. */
    (*codec)->thread_count = 1;
    (*codec)->thread_type = 0;
    return 0;
}
