/* What the packed 4:2:2 10-bit encoder and decoder share, for each codec they drive (v210, bitpacked):
 * the packed frame geometry and the codec context setup. */
#ifndef PLAYOUT_AV_PACKED_H
#define PLAYOUT_AV_PACKED_H

#include <stdint.h>

#include <libavcodec/avcodec.h>

/* Returns PLAYOUT_AV_EPACKEDCODEC unless codec is a PLAYOUT_AV_PACKED_* value. */
int32_t packed_check_codec(int32_t codec);

/* Bytes of one packed line as FFmpeg writes and reads it (codec already checked). */
int32_t packed_line_bytes(int32_t codec, int32_t width);

/* Validates the codec and size, then allocates a single-threaded context for FFmpeg's encoder or decoder
 * of that codec, set up as the decoder needs to accept the stream. The caller finishes setting it up and opens it. */
int32_t packed_alloc_context(int32_t codec, int32_t width, int32_t height, int encoder, AVCodecContext** context);

#endif
