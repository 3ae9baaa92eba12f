#include <stdlib.h>

#include <libswscale/swscale.h>

#include "planes.h"
#include "playout_av.h"

struct PlayoutAvScaler {
    struct SwsContext* sws;
    Planes src;
    Planes dst;
};

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
    int32_t ret = planes_describe(src_format, src_width, src_height, 0, &s->src);
    if (ret == 0)
        ret = planes_describe(dst_format, dst_width, dst_height, 1, &s->dst);
    if (ret == 0) {
        s->sws = sws_getContext(src_width, src_height, s->src.format, dst_width, dst_height, s->dst.format,
            flags, NULL, NULL, NULL);
        if (!s->sws)
            ret = PLAYOUT_AV_ESCALER;
    }
    if (ret < 0) {
        PlayoutAv_ScalerClose(s);
        return ret;
    }
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
    const uint8_t* in[4];
    int in_strides[4];
    uint8_t* out[4];
    int out_strides[4];
    int32_t ret = planes_check_source(&scaler->src, src, src_strides, src_sizes, in, in_strides);
    if (ret == 0)
        ret = planes_check_destination(&scaler->dst, dst, dst_strides, dst_sizes, out, out_strides);
    if (ret < 0)
        return ret;
    ret = sws_scale(scaler->sws, in, in_strides, 0, scaler->src.height, out, out_strides);
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
