#include <string.h>

#include <libavutil/avutil.h>
#include <libavutil/error.h>

#include "playout_av.h"

static const char* describe(int32_t err)
{
    switch (err) {
    case PLAYOUT_AV_ENULL: return "a required pointer argument is NULL";
    case PLAYOUT_AV_EDIMENSIONS: return "width and height must be positive and small enough for FFmpeg";
    case PLAYOUT_AV_EODDWIDTH: return "v210 and bitpacked are 4:2:2, so the width must be even";
    case PLAYOUT_AV_EPIXFMT: return "unknown pixel format name (use FFmpeg's names, e.g. uyvy422, yuv422p10le, bgra)";
    case PLAYOUT_AV_EPIXFMTUNSUPPORTED: return "swscale cannot read (source) or write (destination) this pixel format";
    case PLAYOUT_AV_ESTRIDE: return "a stride is shorter than one line of its plane";
    case PLAYOUT_AV_EPLANESIZE: return "a plane buffer is too small: it needs (lines - 1) x stride + line bytes + 64 bytes of padding";
    case PLAYOUT_AV_EFRAMESIZE: return "the packed buffer is too small: it needs height lines of ceil(width / 48) x 128 bytes (v210) or width x 5 / 2 bytes (bitpacked)";
    case PLAYOUT_AV_EALIGN: return "decoder output planes must start on 64-byte boundaries and have strides that are multiples of 64 bytes";
    case PLAYOUT_AV_EOVERLAP: return "output planes overlap (their 64 bytes of padding included)";
    case PLAYOUT_AV_ESCALER: return "swscale refused these sizes, formats or flags (at most one algorithm flag is allowed)";
    case PLAYOUT_AV_EV210HEIGHT: return "FFmpeg's v210 decoder needs at least 4 lines (below that it decodes nothing)";
    case PLAYOUT_AV_ERETAINED: return "FFmpeg kept a reference to a caller buffer; the handle was shut down and must be closed";
    case PLAYOUT_AV_ENOSTREAM: return "no stream of the kind needed (an input with nothing FFmpeg can decode, a sound-only output without sound or given a picture)";
    case PLAYOUT_AV_ENOOUTPUT: return "PlayoutAv_SourceSetVideoOutput must be called before reading a source that has video";
    case PLAYOUT_AV_EOPTION: return "an options string is malformed (use key=value:key=value) or names an option nobody took";
    case PLAYOUT_AV_ECAPACITY: return "an output buffer is too small for what must be written";
    case PLAYOUT_AV_EFINISHED: return "the sink was already finished (its trailer is written); open a new one";
    case PLAYOUT_AV_ESCTE35: return "SCTE-35 needs an mpegts sink opened with an SCTE-35 PID that no other stream uses";
    case PLAYOUT_AV_EMETADATA: return "timed metadata needs an mpegts sink opened with a metadata stream";
    case PLAYOUT_AV_EEIT: return "EIT needs an mpegts sink opened with eit";
    case PLAYOUT_AV_EPACKEDCODEC: return "not a packed codec: use PLAYOUT_AV_PACKED_V210 (1) or PLAYOUT_AV_PACKED_BITPACKED (2)";
    default: return NULL;
    }
}

static int32_t copy_string(const char* text, char* buf, int32_t size)
{
    if (!buf)
        return PLAYOUT_AV_ENULL;
    if (size <= 0)
        return PLAYOUT_AV_EDIMENSIONS;
    size_t n = strlen(text);
    if (n > (size_t)size - 1)
        n = (size_t)size - 1;
    memcpy(buf, text, n);
    buf[n] = '\0';
    return 0;
}

int32_t PlayoutAv_AbiVersion(void)
{
    return PLAYOUT_AV_ABI_VERSION;
}

int32_t PlayoutAv_FfmpegVersion(char* buf, int32_t size)
{
    return copy_string(av_version_info(), buf, size);
}

int32_t PlayoutAv_ErrorString(int32_t err, char* buf, int32_t size)
{
    const char* ours = describe(err);
    if (ours)
        return copy_string(ours, buf, size);
    char ffmpeg[AV_ERROR_MAX_STRING_SIZE * 2];
    /* av_strerror writes a generic "Error number N occurred" for codes it does not know. */
    av_strerror(err, ffmpeg, sizeof ffmpeg);
    return copy_string(ffmpeg, buf, size);
}
