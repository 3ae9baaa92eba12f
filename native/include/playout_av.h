/*
 * playout_av: the flat C ABI between Playout (.NET) and FFmpeg (libavcodec, libswscale).
 *
 * ABI rules (native/README.md has the long form):
 *  - Every function is named PlayoutAv_* and returns int32_t: 0 (or, for PlayoutAv_AbiVersion, the
 *    version) on success, a negative code on failure. A failure code is either an FFmpeg AVERROR passed
 *    through unchanged or one of the PLAYOUT_AV_E* codes below; PlayoutAv_ErrorString describes both.
 *  - Only fixed-width integers, byte pointers and opaque handles cross the boundary.
 *  - Buffers belong to the caller. A call reads or writes them only while it runs: when it returns,
 *    FFmpeg holds no reference to them. Sizes and strides are in bytes.
 *  - Every plane a call reads or writes must hold (lines - 1) * stride + line bytes + PLAYOUT_AV_PADDING
 *    bytes, because FFmpeg's SIMD code reads and writes a little past the end of a line.
 *  - Handles come from *Open and are freed by the matching *Close (NULL is allowed there).
 *    A handle must not be used by two threads at once; different handles are independent.
 */
#ifndef PLAYOUT_AV_H
#define PLAYOUT_AV_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PLAYOUT_AV_API __attribute__((visibility("default")))

/* Version of this ABI; bumped on any incompatible change. */
#define PLAYOUT_AV_ABI_VERSION 1

/* Bytes that must follow every plane's last line, and every packed v210 frame that FFmpeg reads or
 * writes in place (at least FFmpeg's AV_INPUT_BUFFER_PADDING_SIZE). */
#define PLAYOUT_AV_PADDING 64

/* Decoder output planes must start on, and have strides that are multiples of, this many bytes:
 * FFmpeg's get_buffer2 contract asks for CPU-maximal alignment (64 bytes with AVX-512). */
#define PLAYOUT_AV_ALIGNMENT 64

/* Our own failure codes. They lie far from every AVERROR: those are -errno (above -200) or
 * negated four-character tags (below -2^24). */
#define PLAYOUT_AV_ENULL            (-10001) /* a required pointer argument is NULL */
#define PLAYOUT_AV_EDIMENSIONS      (-10002) /* a width or height is not positive, or too large */
#define PLAYOUT_AV_EODDWIDTH        (-10003) /* v210 is 4:2:2: the width must be even */
#define PLAYOUT_AV_EPIXFMT          (-10004) /* a pixel format name FFmpeg does not know */
#define PLAYOUT_AV_EPIXFMTUNSUPPORTED (-10005) /* swscale cannot read (source) or write (destination) it */
#define PLAYOUT_AV_ESTRIDE          (-10006) /* a stride is shorter than one line of its plane */
#define PLAYOUT_AV_EPLANESIZE       (-10007) /* a plane is smaller than its lines plus PLAYOUT_AV_PADDING */
#define PLAYOUT_AV_EFRAMESIZE       (-10008) /* a v210 buffer is smaller than one frame */
#define PLAYOUT_AV_EALIGN           (-10009) /* a decoder plane or stride is not PLAYOUT_AV_ALIGNMENT-aligned */
#define PLAYOUT_AV_EOVERLAP         (-10010) /* output planes overlap (padding included) */
#define PLAYOUT_AV_ESCALER          (-10011) /* swscale refused the sizes, formats or flags */
#define PLAYOUT_AV_ERETAINED        (-10012) /* FFmpeg kept a caller buffer; the handle is shut down */
#define PLAYOUT_AV_EV210HEIGHT      (-10013) /* FFmpeg's v210 decoder needs at least 4 lines */

/* ---- Library --------------------------------------------------------------------------------- */

/* Returns PLAYOUT_AV_ABI_VERSION of the built library; callers refuse to run against another one. */
PLAYOUT_AV_API int32_t PlayoutAv_AbiVersion(void);

/* Writes FFmpeg's version string (av_version_info) into buf, truncated to size - 1 bytes and
 * NUL-terminated. Fails with PLAYOUT_AV_ENULL / PLAYOUT_AV_EDIMENSIONS for a NULL or empty buf. */
PLAYOUT_AV_API int32_t PlayoutAv_FfmpegVersion(char* buf, int32_t size);

/* Describes err (a PLAYOUT_AV_E* code or an AVERROR) in buf, truncated and NUL-terminated like
 * PlayoutAv_FfmpegVersion. Unknown codes get a generic description. */
PLAYOUT_AV_API int32_t PlayoutAv_ErrorString(int32_t err, char* buf, int32_t size);

/* ---- v210 encoder (FFmpeg's "v210" encoder) --------------------------------------------------- */

typedef struct PlayoutAvV210Encoder PlayoutAvV210Encoder;

/* Opens an encoder of yuv422p10le pictures to v210. Width must be even. */
PLAYOUT_AV_API int32_t PlayoutAv_V210EncoderOpen(int32_t width, int32_t height, PlayoutAvV210Encoder** encoder);

/* Encodes one yuv422p10le picture (three planes of little-endian 16-bit samples holding 10-bit values;
 * Y lines are width * 2 bytes, Cb and Cr lines width bytes) into dst as v210: height lines of
 * ceil(width / 48) * 128 bytes, the end of each line zero-filled.
 * dst_size must be at least that frame size. With PLAYOUT_AV_PADDING more bytes FFmpeg writes into dst
 * directly (and zeroes those padding bytes); otherwise it writes an internal buffer that is copied out.
 * Input samples are clipped to 4..1019, as FFmpeg does. Input planes need no particular alignment. */
PLAYOUT_AV_API int32_t PlayoutAv_V210Encode(PlayoutAvV210Encoder* encoder,
    const uint8_t* y, int32_t y_stride, int32_t y_size,
    const uint8_t* cb, int32_t cb_stride, int32_t cb_size,
    const uint8_t* cr, int32_t cr_stride, int32_t cr_size,
    uint8_t* dst, int32_t dst_size);

PLAYOUT_AV_API int32_t PlayoutAv_V210EncoderClose(PlayoutAvV210Encoder* encoder);

/* ---- v210 decoder (FFmpeg's "v210" decoder) --------------------------------------------------- */

typedef struct PlayoutAvV210Decoder PlayoutAvV210Decoder;

/* Opens a decoder of v210 frames (line stride ceil(width / 48) * 128 bytes) to yuv422p10le.
 * Width must be even and height at least 4: FFmpeg's decoder silently decodes nothing below that. */
PLAYOUT_AV_API int32_t PlayoutAv_V210DecoderOpen(int32_t width, int32_t height, PlayoutAvV210Decoder** decoder);

/* Decodes the first frame in src (src_size bytes) into the caller's planes, which FFmpeg writes
 * directly (its get_buffer2 hands them out). Each plane must start on a PLAYOUT_AV_ALIGNMENT boundary,
 * have a stride that is a multiple of PLAYOUT_AV_ALIGNMENT and not overlap another plane.
 * If src_size leaves PLAYOUT_AV_PADDING readable bytes after the frame, FFmpeg reads src in place;
 * otherwise the frame is first copied into an internal padded buffer. */
PLAYOUT_AV_API int32_t PlayoutAv_V210Decode(PlayoutAvV210Decoder* decoder,
    const uint8_t* src, int32_t src_size,
    uint8_t* y, int32_t y_stride, int32_t y_size,
    uint8_t* cb, int32_t cb_stride, int32_t cb_size,
    uint8_t* cr, int32_t cr_stride, int32_t cr_size);

PLAYOUT_AV_API int32_t PlayoutAv_V210DecoderClose(PlayoutAvV210Decoder* decoder);

/* ---- swscale ---------------------------------------------------------------------------------- */

typedef struct PlayoutAvScaler PlayoutAvScaler;

/* Opens a converter/scaler between two pixel formats named as FFmpeg names them ("uyvy422",
 * "yuv422p10le", "bgra", ...). flags is a SWS_* combination with at most one algorithm
 * (SWS_POINT 0x10, SWS_BILINEAR 0x2, SWS_AREA 0x20, ...; none means swscale's default, bicubic).
 * Paletted formats are not accepted. */
PLAYOUT_AV_API int32_t PlayoutAv_ScalerOpen(
    int32_t src_width, int32_t src_height, const char* src_format,
    int32_t dst_width, int32_t dst_height, const char* dst_format,
    int32_t flags, PlayoutAvScaler** scaler);

/* Converts one whole picture. Each argument is an array of 4 entries, one per plane in FFmpeg's plane
 * order; entries past the format's plane count are ignored. Unaligned planes work, though swscale is
 * fastest with 16-byte aligned planes and strides. */
PLAYOUT_AV_API int32_t PlayoutAv_Scale(PlayoutAvScaler* scaler,
    const uint8_t* const src[4], const int32_t src_strides[4], const int32_t src_sizes[4],
    uint8_t* const dst[4], const int32_t dst_strides[4], const int32_t dst_sizes[4]);

PLAYOUT_AV_API int32_t PlayoutAv_ScalerClose(PlayoutAvScaler* scaler);

#ifdef __cplusplus
}
#endif

#endif
