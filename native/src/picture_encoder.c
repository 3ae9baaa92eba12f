#include <stdlib.h>
#include <string.h>

#include <libavcodec/avcodec.h>
#include <libswscale/swscale.h>

#include "convert.h"
#include "planes.h"
#include "playout_av.h"

struct PlayoutAvPictureEncoder {
    AVCodecContext* codec;
    AVFrame* picture;              /* the encoder's input, in its own pixel format */
    AVPacket* packet;
    Planes input;
    enum AVColorSpace colorspace;
    Converter converter;
    int64_t pts;
};

int32_t PlayoutAv_PictureEncoderOpen(int32_t src_width, int32_t src_height, const char* src_format,
    int32_t width, int32_t height, const char* codec, int32_t quality, PlayoutAvPictureEncoder** encoder)
{
    if (!codec || !encoder)
        return PLAYOUT_AV_ENULL;
    *encoder = NULL;
    const AVCodec* found = avcodec_find_encoder_by_name(codec);
    /* One picture in, one packet out, at once: encoders with a delay (B-frames, lookahead) do not work so. */
    if (!found || found->type != AVMEDIA_TYPE_VIDEO || (found->capabilities & AV_CODEC_CAP_DELAY))
        return AVERROR_ENCODER_NOT_FOUND;
    int mjpeg = found->id == AV_CODEC_ID_MJPEG;
    if (mjpeg && (quality < 2 || quality > 31))
        return AVERROR(EINVAL);
    PlayoutAvPictureEncoder* e = calloc(1, sizeof *e);
    if (!e)
        return AVERROR(ENOMEM);
    int32_t ret = planes_describe(src_format, src_width, src_height, 0, &e->input);
    if (ret < 0)
        goto fail;
    Planes output;
    enum AVPixelFormat pix_fmt = found->pix_fmts ? found->pix_fmts[0] : AV_PIX_FMT_YUV420P;
    ret = planes_describe_format(pix_fmt, width, height, 1, &output);
    if (ret < 0)
        goto fail;
    e->codec = avcodec_alloc_context3(found);
    e->picture = av_frame_alloc();
    e->packet = av_packet_alloc();
    if (!e->codec || !e->picture || !e->packet) {
        ret = AVERROR(ENOMEM);
        goto fail;
    }
    AVCodecContext* c = e->codec;
    c->width = width;
    c->height = height;
    c->pix_fmt = pix_fmt;
    c->time_base = (AVRational){ 1, 25 };
    if (mjpeg) {
        /* A fixed quantiser: qscale `quality` for every picture. */
        c->flags |= AV_CODEC_FLAG_QSCALE;
        c->global_quality = quality * FF_QP2LAMBDA;
        c->qmin = c->qmax = quality;
        /* yuvj* is JPEG's own full range; plain yuv* would need this anyway. */
        c->color_range = AVCOL_RANGE_JPEG;
        c->strict_std_compliance = FF_COMPLIANCE_UNOFFICIAL;
    }
    ret = avcodec_open2(c, found, NULL);
    if (ret < 0)
        goto fail;
    e->picture->format = pix_fmt;
    e->picture->width = width;
    e->picture->height = height;
    ret = av_frame_get_buffer(e->picture, 0);
    if (ret < 0)
        goto fail;
    /* Previews of HD pictures: their YUV is BT.709 (swscale would assume BT.601). */
    e->colorspace = src_height >= 720 ? AVCOL_SPC_BT709 : AVCOL_SPC_UNSPECIFIED;
    *encoder = e;
    return 0;
fail:
    PlayoutAv_PictureEncoderClose(e);
    return ret;
}

int32_t PlayoutAv_PictureEncode(PlayoutAvPictureEncoder* e,
    const uint8_t* const planes[4], const int32_t strides[4], const int32_t sizes[4],
    uint8_t* out, int32_t out_capacity, int32_t* out_size)
{
    if (!e || !out_size || (!out && out_capacity > 0))
        return PLAYOUT_AV_ENULL;
    *out_size = 0;
    const uint8_t* in[4];
    int in_strides[4];
    int32_t ret = planes_check_source(&e->input, planes, strides, sizes, in, in_strides);
    if (ret < 0)
        return ret;
    ret = av_frame_make_writable(e->picture);
    if (ret < 0)
        return ret;
    Picture src = { .width = e->input.width, .height = e->input.height, .format = e->input.format,
        .colorspace = e->colorspace, .range = AVCOL_RANGE_UNSPECIFIED };
    Picture dst = { .width = e->picture->width, .height = e->picture->height, .format = e->picture->format };
    for (int i = 0; i < 4; i++) {
        src.data[i] = (uint8_t*)in[i];
        src.strides[i] = in_strides[i];
        dst.data[i] = e->picture->data[i];
        dst.strides[i] = e->picture->linesize[i];
    }
    ret = convert_run(&e->converter, &src, &dst, SWS_BILINEAR, 0);
    if (ret < 0)
        return ret;
    e->picture->pts = e->pts++;
    e->picture->quality = e->codec->global_quality;
    ret = avcodec_send_frame(e->codec, e->picture);
    if (ret >= 0)
        ret = avcodec_receive_packet(e->codec, e->packet);
    if (ret < 0)
        return ret;
    if (e->packet->size > out_capacity) {
        *out_size = e->packet->size;
        av_packet_unref(e->packet);
        return PLAYOUT_AV_ECAPACITY;
    }
    memcpy(out, e->packet->data, (size_t)e->packet->size);
    *out_size = e->packet->size;
    av_packet_unref(e->packet);
    return 0;
}

int32_t PlayoutAv_PictureEncoderClose(PlayoutAvPictureEncoder* e)
{
    if (e) {
        avcodec_free_context(&e->codec);
        av_frame_free(&e->picture);
        av_packet_free(&e->packet);
        convert_free(&e->converter);
        free(e);
    }
    return 0;
}
