#include <stdlib.h>
#include <string.h>

#include <libavcodec/avcodec.h>
#include <libavutil/imgutils.h>
#include <libavutil/mem.h>

#include "buffers.h"
#include "playout_av.h"
#include "packed.h"

struct PlayoutAvPackedDecoder {
    AVCodecContext* codec;
    AVFrame* frame;
    AVPacket* packet;
    int32_t frame_size;
    /* Holds a copy of the frame, zero padded, when the caller's input has no room for FFmpeg's padding. */
    uint8_t* staging;
    /* The output planes of the PlayoutAv_PackedDecode call in progress, for get_buffer2 or copy_out
     * (four entries, as av_image_copy takes them; the fourth stays unused). */
    uint8_t* planes[4];
    int32_t strides[4];
    int64_t extents[3];
    /* Whether FFmpeg writes the caller's planes (DR1) or its own frame, copied out after each call. */
    int direct;
    int live;
};

/* The planes were checked for exactly the opened picture; anything else would overrun them. */
static int is_opened_picture(const AVCodecContext* codec, const AVFrame* frame)
{
    return frame->format == AV_PIX_FMT_YUV422P10 && frame->width == codec->width && frame->height == codec->height;
}

/* Only for decoders that declare AV_CODEC_CAP_DR1 (v210 does): the picture may then live in any memory, so it
 * lives in the caller's planes. Other decoders must get avcodec_default_get_buffer2's frames. */
static int get_buffer2(AVCodecContext* codec, AVFrame* frame, int flags)
{
    PlayoutAvPackedDecoder* decoder = codec->opaque;
    (void)flags;
    if (!is_opened_picture(codec, frame))
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

/* Copies a picture FFmpeg decoded into its own frame (no DR1) to the caller's planes. */
static int32_t copy_out(PlayoutAvPackedDecoder* decoder, const AVFrame* frame)
{
    if (!is_opened_picture(decoder->codec, frame))
        return AVERROR_BUG;
    av_image_copy(decoder->planes, decoder->strides, (const uint8_t**)frame->data, frame->linesize,
        AV_PIX_FMT_YUV422P10, frame->width, frame->height);
    return 0;
}

int32_t PlayoutAv_PackedDecoderOpen(int32_t codec, int32_t width, int32_t height, PlayoutAvPackedDecoder** decoder)
{
    if (!decoder)
        return PLAYOUT_AV_ENULL;
    *decoder = NULL;
    PlayoutAvPackedDecoder* d = calloc(1, sizeof *d);
    if (!d)
        return AVERROR(ENOMEM);
    int32_t ret = packed_alloc_context(codec, width, height, 0, &d->codec);
    if (ret < 0)
        goto fail;
    d->codec->opaque = d;
    /* FFmpeg 5.1's bitpacked decoder lacks DR1 (its frames come from ff_thread_get_buffer, but the contract
     * still forbids other memory), so it decodes into a pooled frame of its own that is copied. */
    d->direct = (d->codec->codec->capabilities & AV_CODEC_CAP_DR1) != 0;
    if (d->direct)
        d->codec->get_buffer2 = get_buffer2;
    d->frame_size = packed_line_bytes(codec, width) * height;
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
    PlayoutAv_PackedDecoderClose(d);
    return ret;
}

static int32_t check_planes(PlayoutAvPackedDecoder* decoder, const int32_t sizes[3])
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

int32_t PlayoutAv_PackedDecode(PlayoutAvPackedDecoder* decoder,
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
        AVFrame* frame = decoder->frame;
        ret = avcodec_receive_frame(decoder->codec, frame);
        if (ret == 0 && !decoder->direct)
            ret = copy_out(decoder, frame);
        av_frame_unref(frame);
    }
    return buffers_end_call(&decoder->codec, decoder->live, ret);
}

int32_t PlayoutAv_PackedDecoderClose(PlayoutAvPackedDecoder* decoder)
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
