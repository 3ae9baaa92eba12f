/* The planes of a picture in one pixel format and size, and the checks of caller planes against them. */
#ifndef PLAYOUT_AV_PLANES_H
#define PLAYOUT_AV_PLANES_H

#include <stdint.h>

#include <libavutil/pixfmt.h>

typedef struct {
    enum AVPixelFormat format;
    int32_t width;
    int32_t height;
    int count;
    int32_t line_bytes[4];
    int32_t lines[4];
} Planes;

/* Describes width x height pictures of the format FFmpeg calls name; output says which side of swscale
 * (read or written) the format must be supported on. Palette formats are refused. */
int32_t planes_describe(const char* name, int32_t width, int32_t height, int output, Planes* planes);

/* The same for a format already known by value. */
int32_t planes_describe_format(enum AVPixelFormat format, int32_t width, int32_t height, int output, Planes* planes);

/* Checks caller planes that are read (4 entries, FFmpeg plane order) and copies the ones the format has
 * into in/in_strides, NULL and 0 past them, as swscale takes them. */
int32_t planes_check_source(const Planes* planes, const uint8_t* const data[4], const int32_t strides[4],
    const int32_t sizes[4], const uint8_t* in[4], int in_strides[4]);

/* The same for planes that are written, which must also not overlap. */
int32_t planes_check_destination(const Planes* planes, uint8_t* const data[4], const int32_t strides[4],
    const int32_t sizes[4], uint8_t* out[4], int out_strides[4]);

#endif
