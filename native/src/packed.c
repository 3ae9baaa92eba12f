#include "packed.h"

#include <limits.h>

#include "buffers.h"
#include "playout_av.h"

/* What differs between the codecs; everything else is one code path. */
typedef struct PackedCodec {
    enum AVCodecID id;
    /* Decoder setup FFmpeg's bitpacked decoder insists on (it refuses to open without them); v210 needs none. */
    unsigned codec_tag;
    int bits_per_coded_sample;
    /* FFmpeg's v210 decoder splits the picture into av_clip(threads, 1, height / 4) slices: none at all
     * under 4 lines, so it would return success having written nothing. */
    int min_decode_height;
    /* Pixels a picture may have beyond FFmpeg's own image size check, 0 for no further limit: the bitpacked
     * codecs count the picture's bits (width x height x 20) in an int, and the decoder's bit reader stops
     * 512 bits short of INT_MAX. */
    int64_t max_pixels;
} PackedCodec;

static const PackedCodec codecs[] = {
    [PLAYOUT_AV_PACKED_V210] = { AV_CODEC_ID_V210, 0, 0, 4, 0 },
    [PLAYOUT_AV_PACKED_BITPACKED] = { AV_CODEC_ID_BITPACKED, MKTAG('U', 'Y', 'V', 'Y'), 20, 1, (INT_MAX - 512) / 20 },
};

int32_t packed_check_codec(int32_t codec)
{
    return codec == PLAYOUT_AV_PACKED_V210 || codec == PLAYOUT_AV_PACKED_BITPACKED ? 0 : PLAYOUT_AV_EPACKEDCODEC;
}

int32_t packed_line_bytes(int32_t codec, int32_t width)
{
    /* v210: whole blocks of 48 pixels in 128 bytes. bitpacked: 5-byte pgroups of 2 pixels, no padding. */
    return codec == PLAYOUT_AV_PACKED_V210 ? (width + 47) / 48 * 128 : width / 2 * 5;
}

int32_t packed_alloc_context(int32_t codec, int32_t width, int32_t height, int encoder, AVCodecContext** context)
{
    int32_t ret = packed_check_codec(codec);
    if (ret < 0)
        return ret;
    ret = buffers_check_dimensions(width, height);
    if (ret < 0)
        return ret;
    if (width % 2 != 0)
        return PLAYOUT_AV_EODDWIDTH;
    const PackedCodec* c = &codecs[codec];
    if (c->max_pixels != 0 && (int64_t)width * height > c->max_pixels)
        return PLAYOUT_AV_EDIMENSIONS;
    if (!encoder && height < c->min_decode_height)
        return PLAYOUT_AV_EV210HEIGHT;
    const AVCodec* found = encoder ? avcodec_find_encoder(c->id) : avcodec_find_decoder(c->id);
    if (!found)
        return encoder ? AVERROR_ENCODER_NOT_FOUND : AVERROR_DECODER_NOT_FOUND;
    *context = avcodec_alloc_context3(found);
    if (!*context)
        return AVERROR(ENOMEM);
    (*context)->width = width;
    (*context)->height = height;
    (*context)->pix_fmt = AV_PIX_FMT_YUV422P10;
    (*context)->codec_tag = c->codec_tag;
    (*context)->bits_per_coded_sample = c->bits_per_coded_sample;
    /* No threads: the caller's buffers are handed to FFmpeg for the duration of one call only, and
     * frame threading would keep them across calls. Callers parallelise across handles instead. */
    (*context)->thread_count = 1;
    (*context)->thread_type = 0;
    return 0;
}
