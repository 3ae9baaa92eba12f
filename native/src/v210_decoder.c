#include <stdlib.h>
#include <string.h>

#include <libavcodec/avcodec.h>
#include <libavutil/mem.h>

#include "buffers.h"
#include "playout_av.h"
#include "v210.h"

struct PlayoutAvV210Decoder {
    AVCodecContext* codec;
    AVFrame* frame;
    AVPacket* packet;
    int32_t frame_size;
    /* Holds a copy of the frame, zero padded, when the caller's input has no room for FFmpeg's padding. */
    uint8_t* staging;
    /* The output planes of the PlayoutAv_V210Decode call in progress, for get_buffer2. */
    uint8_t* planes[3];
    int32_t strides[3];
    int64_t extents[3];
    int live;
};

/* v210 declares AV_CODEC_CAP_DR1, so the picture may live in any memory: the caller's planes. */
static int get_buffer2(AVCodecContext* codec, AVFrame* frame, int flags)
{
    PlayoutAvV210Decoder* decoder = codec->opaque;
    (void)flags;
    /* The planes were checked for exactly this picture; anything else would overrun them. */
    if (frame->format != AV_PIX_FMT_YUV422P10 || frame->width != codec->width || frame->height != codec->height)
        return AVERROR_BUG;
    for (int i = 0; i < 3; i++) {
        frame->buf[i] = buffers_wrap(decoder->planes[i], decoder->extents[i], 0, &decoder->live);
        if (!frame->buf[i])
            return AVERROR(ENOMEM);
        frame->data[i] = decoder->planes[i];
        frame->linesize[i] = decoder->strides[i];
    }
    return 0;
}

int32_t PlayoutAv_V210DecoderOpen(int32_t width, int32_t height, PlayoutAvV210Decoder** decoder)
{
    if (!decoder)
        return PLAYOUT_AV_ENULL;
    *decoder = NULL;
    PlayoutAvV210Decoder* d = calloc(1, sizeof *d);
    if (!d)
        return AVERROR(ENOMEM);
    int32_t ret = v210_alloc_context(width, height, 0, &d->codec);
    if (ret < 0)
        goto fail;
    /* FFmpeg's decoder splits the picture into av_clip(threads, 1, height / 4) slices: none at all
     * under 4 lines, so it would return success having written nothing. */
    if (height < 4) {
        ret = PLAYOUT_AV_EV210HEIGHT;
        goto fail;
    }
    d->codec->opaque = d;
    d->codec->get_buffer2 = get_buffer2;
    d->frame_size = v210_line_stride(width) * height;
    d->frame = av_frame_alloc();
    d->packet = av_packet_alloc();
    d->staging = av_mallocz((size_t)d->frame_size + PLAYOUT_AV_PADDING);
    if (!d->frame || !d->packet || !d->staging) {
        ret = AVERROR(ENOMEM);
        goto fail;
    }
    ret = avcodec_open2(d->codec, NULL, NULL);
    if (ret < 0)
        goto fail;
    *decoder = d;
    return 0;
fail:
    PlayoutAv_V210DecoderClose(d);
    return ret;
}

static int32_t check_planes(PlayoutAvV210Decoder* decoder, const int32_t sizes[3])
{
    const int32_t width = decoder->codec->width, height = decoder->codec->height;
    for (int i = 0; i < 3; i++) {
        const int32_t line_bytes = i == 0 ? width * 2 : width;
        int32_t ret = buffers_check_plane(decoder->planes[i], decoder->strides[i], sizes[i], line_bytes, height);
        if (ret < 0)
            return ret;
        if ((uintptr_t)decoder->planes[i] % PLAYOUT_AV_ALIGNMENT != 0 || decoder->strides[i] % PLAYOUT_AV_ALIGNMENT != 0)
            return PLAYOUT_AV_EALIGN;
        /* Only what FFmpeg may touch has to be disjoint: the lines and the padding after the last. */
        decoder->extents[i] = buffers_plane_extent(decoder->strides[i], line_bytes, height);
    }
    return buffers_check_disjoint(decoder->planes, decoder->extents, 3);
}

int32_t PlayoutAv_V210Decode(PlayoutAvV210Decoder* decoder,
    const uint8_t* src, int32_t src_size,
    uint8_t* y, int32_t y_stride, int32_t y_size,
    uint8_t* cb, int32_t cb_stride, int32_t cb_size,
    uint8_t* cr, int32_t cr_stride, int32_t cr_size)
{
    if (!decoder || !src)
        return PLAYOUT_AV_ENULL;
    if (!decoder->codec)
        return PLAYOUT_AV_ERETAINED;
    if (src_size < decoder->frame_size)
        return PLAYOUT_AV_EFRAMESIZE;
    decoder->planes[0] = y;
    decoder->planes[1] = cb;
    decoder->planes[2] = cr;
    decoder->strides[0] = y_stride;
    decoder->strides[1] = cb_stride;
    decoder->strides[2] = cr_stride;
    const int32_t sizes[3] = { y_size, cb_size, cr_size };
    int32_t ret = check_planes(decoder, sizes);
    if (ret < 0)
        return ret;

    const uint8_t* data = src;
    if (src_size - decoder->frame_size < PLAYOUT_AV_PADDING) {
        memcpy(decoder->staging, src, (size_t)decoder->frame_size);
        data = decoder->staging;
    }
    AVPacket* packet = decoder->packet;
    /* A packet without a buffer reference would be copied by avcodec_send_packet; wrapped, it is not. */
    packet->buf = buffers_wrap(data, (int64_t)decoder->frame_size + PLAYOUT_AV_PADDING, 1, &decoder->live);
    if (!packet->buf)
        return AVERROR(ENOMEM);
    packet->data = (uint8_t*)data;
    packet->size = decoder->frame_size;
    ret = avcodec_send_packet(decoder->codec, packet);
    av_packet_unref(packet);
    if (ret == 0) {
        ret = avcodec_receive_frame(decoder->codec, decoder->frame);
        av_frame_unref(decoder->frame);
    }
    return buffers_end_call(&decoder->codec, decoder->live, ret);
}

int32_t PlayoutAv_V210DecoderClose(PlayoutAvV210Decoder* decoder)
{
    if (decoder) {
        avcodec_free_context(&decoder->codec);
        av_frame_free(&decoder->frame);
        av_packet_free(&decoder->packet);
        av_free(decoder->staging);
        free(decoder);
    }
    return 0;
}
