/* What the v210 encoder and decoder share: the packed frame geometry and the codec context setup. */
#ifndef PLAYOUT_AV_V210_H
#define PLAYOUT_AV_V210_H

#include <stdint.h>

#include <libavcodec/avcodec.h>

/* Bytes of one v210 line: whole blocks of 48 pixels in 128 bytes, as FFmpeg writes and reads them. */
int32_t v210_line_stride(int32_t width);

/* Validates the size, then allocates a single-threaded context for FFmpeg's v210 encoder or decoder.
 * The caller finishes setting it up and opens it. */
int32_t v210_alloc_context(int32_t width, int32_t height, int encoder, AVCodecContext** codec);

#endif
