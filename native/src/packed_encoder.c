#include <stdlib.h>
#include <string.h>

#include <libavcodec/avcodec.h>
#include <libavutil/mem.h>

#include "buffers.h"
#include "playout_av.h"
#include "packed.h"

struct PlayoutAvPackedEncoder {
    AVCodecContext* codec;
    AVFrame* frame;
    AVPacket* packet;
    int32_t frame_size;
    /* Where the packet goes when the caller's buffer has no room for FFmpeg's padding. */
    uint8_t* staging;
    /* The output buffer of the PlayoutAv_PackedEncode call in progress, for get_encode_buffer. */
    uint8_t* dst;
    int32_t dst_size;
    int live;
};

/* Handed out only to encoders that declare AV_CODEC_CAP_DR1 (v210 and bitpacked both do): the caller's buffer
 * when it has room for FFmpeg's padding, the staging buffer otherwise. */
static int get_encode_buffer(AVCodecContext* codec, AVPacket* packet, int flags)
{
    PlayoutAvPackedEncoder* encoder = codec->opaque;
    (void)flags;
    /* Never hand out more than was checked against the caller's buffer. */
    if (packet->size > encoder->frame_size)
        return AVERROR_BUG;
    uint8_t* target = (int64_t)encoder->dst_size - packet->size >= PLAYOUT_AV_PADDING ? encoder->dst : encoder->staging;
    packet->buf = buffers_wrap(target, (int64_t)packet->size + PLAYOUT_AV_PADDING, 0, &encoder->live);
    if (!packet->buf)
        return AVERROR(ENOMEM);
    packet->data = target;
    return 0;
}

int32_t PlayoutAv_PackedEncoderOpen(int32_t codec, int32_t width, int32_t height, PlayoutAvPackedEncoder** encoder)
{
    if (!encoder)
        return PLAYOUT_AV_ENULL;
    *encoder = NULL;
    PlayoutAvPackedEncoder* e = calloc(1, sizeof *e);
    if (!e)
        return AVERROR(ENOMEM);
    int32_t ret = packed_alloc_context(codec, width, height, 1, &e->codec);
    if (ret < 0)
        goto fail;
    /* Encoders insist on a time base; packed pictures have no timing of their own, so any will do. */
    e->codec->time_base = (AVRational){ 1, 25 };
    e->codec->opaque = e;
    if (e->codec->codec->capabilities & AV_CODEC_CAP_DR1)
        e->codec->get_encode_buffer = get_encode_buffer;
    e->frame_size = packed_line_bytes(codec, width) * height;
    e->frame = av_frame_alloc();
    e->packet = av_packet_alloc();
    e->staging = av_malloc((size_t)e->frame_size + PLAYOUT_AV_PADDING);
    if (!e->frame || !e->packet || !e->staging) {
        ret = AVERROR(ENOMEM);
        goto fail;
    }
    ret = avcodec_open2(e->codec, NULL, NULL);
    if (ret < 0)
        goto fail;
    *encoder = e;
    return 0;
fail:
    PlayoutAv_PackedEncoderClose(e);
    return ret;
}

int32_t PlayoutAv_PackedEncode(PlayoutAvPackedEncoder* encoder,
    const uint8_t* y, int32_t y_stride, int32_t y_size,
    const uint8_t* cb, int32_t cb_stride, int32_t cb_size,
    const uint8_t* cr, int32_t cr_stride, int32_t cr_size,
    uint8_t* dst, int32_t dst_size)
{
    if (!encoder || !dst)
        return PLAYOUT_AV_ENULL;
    if (!encoder->codec)
        return PLAYOUT_AV_ERETAINED;
    const int32_t width = encoder->codec->width, height = encoder->codec->height;
    const uint8_t* planes[3] = { y, cb, cr };
    const int32_t strides[3] = { y_stride, cb_stride, cr_stride };
    const int32_t sizes[3] = { y_size, cb_size, cr_size };
    for (int i = 0; i < 3; i++) {
        int32_t ret = buffers_check_plane(planes[i], strides[i], sizes[i], i == 0 ? width * 2 : width, height);
        if (ret < 0)
            return ret;
    }
    if (dst_size < encoder->frame_size)
        return PLAYOUT_AV_EFRAMESIZE;

    AVFrame* frame = encoder->frame;
    frame->format = AV_PIX_FMT_YUV422P10;
    frame->width = width;
    frame->height = height;
    for (int i = 0; i < 3; i++) {
        /* A frame without buffer references would be copied by avcodec_send_frame; wrapped, it is not. */
        frame->buf[i] = buffers_wrap(planes[i], sizes[i], 1, &encoder->live);
        if (!frame->buf[i]) {
            av_frame_unref(frame);
            return AVERROR(ENOMEM);
        }
        frame->data[i] = (uint8_t*)planes[i];
        frame->linesize[i] = strides[i];
    }
    encoder->dst = dst;
    encoder->dst_size = dst_size;
    int32_t ret = avcodec_send_frame(encoder->codec, frame);
    av_frame_unref(frame);
    if (ret == 0)
        ret = avcodec_receive_packet(encoder->codec, encoder->packet);
    if (ret == 0) {
        if (encoder->packet->data != dst)
            memcpy(dst, encoder->packet->data, (size_t)encoder->packet->size);
        av_packet_unref(encoder->packet);
    }
    return buffers_end_call(&encoder->codec, encoder->live, ret);
}

int32_t PlayoutAv_PackedEncoderClose(PlayoutAvPackedEncoder* encoder)
{
    if (encoder) {
        avcodec_free_context(&encoder->codec);
        av_frame_free(&encoder->frame);
        av_packet_free(&encoder->packet);
        av_free(encoder->staging);
        free(encoder);
    }
    return 0;
}
