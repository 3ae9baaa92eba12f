/* swscale between two pictures whose size and format may change from call to call, converting
 * interlaced pictures field by field. */
#ifndef PLAYOUT_AV_CONVERT_H
#define PLAYOUT_AV_CONVERT_H

#include <stdint.h>

#include <libavutil/pixfmt.h>

typedef struct {
    uint8_t* data[4];              /* a source's planes are only read */
    int strides[4];
    int width;
    int height;
    enum AVPixelFormat format;
    enum AVColorSpace colorspace;  /* a source's YUV matrix; unspecified means swscale's default, BT.601 */
    enum AVColorRange range;       /* a source's YUV range; AVCOL_RANGE_JPEG for full range */
} Picture;

typedef struct {
    struct SwsContext* sws;
    /* What sws was made for, so it is only remade when that changes. */
    int src_width, src_height, dst_width, dst_height, flags;
    enum AVPixelFormat src_format, dst_format;
    enum AVColorSpace colorspace;
    enum AVColorRange range;
    uint8_t* kept;                 /* line starts kept across the second field's pass */
    unsigned kept_size;
} Converter;

/* Converts src into dst. With by_field, the top and bottom fields (every other line) are converted as
 * two pictures of half the height, so the scaler never mixes lines of different fields; this needs both
 * heights to hold whole chroma lines per field (e.g. a multiple of 4 for 4:2:0), else the picture is
 * converted whole. PLAYOUT_AV_ESCALER when swscale refuses the sizes, formats or flags. */
int32_t convert_run(Converter* converter, const Picture* src, const Picture* dst, int flags, int by_field);

void convert_free(Converter* converter);

#endif
