/* Checks and wrappers for the caller-owned buffers every playout_av call works on. */
#ifndef PLAYOUT_AV_BUFFERS_H
#define PLAYOUT_AV_BUFFERS_H

#include <stdint.h>

#include <libavcodec/avcodec.h>
#include <libavutil/buffer.h>

/* Returns 0 when width x height is a picture size FFmpeg accepts, PLAYOUT_AV_EDIMENSIONS otherwise. */
int32_t buffers_check_dimensions(int32_t width, int32_t height);

/* Bytes a plane must hold: its lines, then PLAYOUT_AV_PADDING for FFmpeg's SIMD overreach. */
int64_t buffers_plane_extent(int32_t stride, int32_t line_bytes, int32_t lines);

/* Returns 0 when a plane of `lines` lines of `line_bytes` bytes fits in data/stride/size. */
int32_t buffers_check_plane(const uint8_t* data, int32_t stride, int32_t size, int32_t line_bytes, int32_t lines);

/* Returns PLAYOUT_AV_EOVERLAP when any two of the count ranges [data[i], data[i] + extent[i]) overlap. */
int32_t buffers_check_disjoint(uint8_t* const data[], const int64_t extent[], int count);

/* Wraps caller memory in an AVBufferRef whose free callback frees nothing but decrements *live, so a
 * call can tell whether FFmpeg still references the caller's memory when it returns. */
AVBufferRef* buffers_wrap(const uint8_t* data, int64_t size, int read_only, int* live);

/* Ends a codec call: if FFmpeg still holds one of the caller's buffers (live != 0) the codec is freed,
 * so it can never touch that memory again, and PLAYOUT_AV_ERETAINED is returned; otherwise result. */
int32_t buffers_end_call(AVCodecContext** codec, int live, int32_t result);

#endif
