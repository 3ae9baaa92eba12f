/*
 * playout_av: the flat C ABI between Playout (.NET) and FFmpeg (libavformat, libavcodec, libswscale,
 * libswresample).
 *
 * ABI rules (native/README.md has the long form):
 *  - Every function is named PlayoutAv_* and returns int32_t: 0 (or, for PlayoutAv_AbiVersion, the
 *    version) on success, a negative code on failure. A failure code is either an FFmpeg AVERROR passed
 *    through unchanged or one of the PLAYOUT_AV_E* codes below; PlayoutAv_ErrorString describes both.
 *  - Only fixed-width integers, byte/float pointers, C strings, opaque handles and plain structs of
 *    fixed-width integers and char arrays (declared here, mirrored field by field in C#) cross the boundary.
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
#define PLAYOUT_AV_ABI_VERSION 6

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
#define PLAYOUT_AV_EODDWIDTH        (-10003) /* packed 4:2:2 (v210, bitpacked): the width must be even */
#define PLAYOUT_AV_EPIXFMT          (-10004) /* a pixel format name FFmpeg does not know */
#define PLAYOUT_AV_EPIXFMTUNSUPPORTED (-10005) /* swscale cannot read (source) or write (destination) it */
#define PLAYOUT_AV_ESTRIDE          (-10006) /* a stride is shorter than one line of its plane */
#define PLAYOUT_AV_EPLANESIZE       (-10007) /* a plane is smaller than its lines plus PLAYOUT_AV_PADDING */
#define PLAYOUT_AV_EFRAMESIZE       (-10008) /* a packed (v210, bitpacked) buffer is smaller than one frame */
#define PLAYOUT_AV_EALIGN           (-10009) /* a decoder plane or stride is not PLAYOUT_AV_ALIGNMENT-aligned */
#define PLAYOUT_AV_EOVERLAP         (-10010) /* output planes overlap (padding included) */
#define PLAYOUT_AV_ESCALER          (-10011) /* swscale refused the sizes, formats or flags */
#define PLAYOUT_AV_ERETAINED        (-10012) /* FFmpeg kept a caller buffer; the handle is shut down */
#define PLAYOUT_AV_EV210HEIGHT      (-10013) /* FFmpeg's v210 decoder needs at least 4 lines */
#define PLAYOUT_AV_ENOSTREAM        (-10014) /* the input has no video and no audio stream we can decode; a sink has no such stream */
#define PLAYOUT_AV_ENOOUTPUT        (-10015) /* PlayoutAv_SourceRead before PlayoutAv_SourceSetVideoOutput */
#define PLAYOUT_AV_EOPTION          (-10016) /* an options string is malformed or names an option nobody took */
#define PLAYOUT_AV_ECAPACITY        (-10017) /* an output buffer is too small for what must be written */
#define PLAYOUT_AV_EFINISHED        (-10018) /* the sink was already finished (trailer written) */
#define PLAYOUT_AV_ESCTE35          (-10019) /* SCTE-35 needs an mpegts sink opened with scte35_pid (a PID no stream uses) */
#define PLAYOUT_AV_EPACKEDCODEC     (-10020) /* not a PLAYOUT_AV_PACKED_* codec */
#define PLAYOUT_AV_EMETADATA        (-10021) /* timed metadata needs an mpegts sink opened with timed_metadata */
#define PLAYOUT_AV_EEIT             (-10022) /* EIT needs an mpegts sink opened with eit */

/* ---- Library --------------------------------------------------------------------------------- */

/* Returns PLAYOUT_AV_ABI_VERSION of the built library; callers refuse to run against another one. */
PLAYOUT_AV_API int32_t PlayoutAv_AbiVersion(void);

/* Writes FFmpeg's version string (av_version_info) into buf, truncated to size - 1 bytes and
 * NUL-terminated. Fails with PLAYOUT_AV_ENULL / PLAYOUT_AV_EDIMENSIONS for a NULL or empty buf. */
PLAYOUT_AV_API int32_t PlayoutAv_FfmpegVersion(char* buf, int32_t size);

/* Describes err (a PLAYOUT_AV_E* code or an AVERROR) in buf, truncated and NUL-terminated like
 * PlayoutAv_FfmpegVersion. Unknown codes get a generic description. */
PLAYOUT_AV_API int32_t PlayoutAv_ErrorString(int32_t err, char* buf, int32_t size);

/* ---- FFmpeg's log ------------------------------------------------------------------------------ */

/* Receives one line of FFmpeg's log: its AV_LOG_* level (16 error, 24 warning, 32 info, ...) and the text,
 * prefixed like FFmpeg's own ("[h264 @ 0x...] "), without the trailing newline. It may be called from any thread,
 * several at once, and must not call back into FFmpeg. */
typedef void (*PlayoutAvLogCallback)(int32_t level, const char* line);

/* Sends FFmpeg's log lines at level max_level or more severe to callback instead of stderr; NULL restores
 * FFmpeg's own stderr logger. Process-wide, like FFmpeg's log. */
PLAYOUT_AV_API int32_t PlayoutAv_SetLog(PlayoutAvLogCallback callback, int32_t max_level);

/* ---- Packed 4:2:2 10-bit encoder and decoder (FFmpeg's "v210" and "bitpacked" codecs) ---------- */

/* The packings, each FFmpeg's own encoder and decoder to and from yuv422p10le. */
#define PLAYOUT_AV_PACKED_V210      1 /* v210: height lines of ceil(width / 48) * 128 bytes, the end of each zero-filled */
#define PLAYOUT_AV_PACKED_BITPACKED 2 /* SMPTE ST 2110-20 / RFC 4175 pgroups (Cb Y0 Cr Y1, 10 bits each, big-endian):
                                         height lines of width * 5 / 2 bytes, back to back */

typedef struct PlayoutAvPackedEncoder PlayoutAvPackedEncoder;

/* Opens an encoder of yuv422p10le pictures to codec (a PLAYOUT_AV_PACKED_* value). Width must be even;
 * bitpacked takes at most (2^31 - 513) / 20 pixels, as FFmpeg counts the picture's bits in an int. */
PLAYOUT_AV_API int32_t PlayoutAv_PackedEncoderOpen(int32_t codec, int32_t width, int32_t height,
    PlayoutAvPackedEncoder** encoder);

/* Encodes one yuv422p10le picture (three planes of little-endian 16-bit samples holding 10-bit values;
 * Y lines are width * 2 bytes, Cb and Cr lines width bytes) into dst as one packed frame.
 * dst_size must be at least that frame size. With PLAYOUT_AV_PADDING more bytes FFmpeg writes into dst
 * directly (and zeroes those padding bytes); otherwise it writes an internal buffer that is copied out.
 * Input samples are clipped as FFmpeg does: v210 to 4..1019, bitpacked to 0..1023.
 * Input planes need no particular alignment. */
PLAYOUT_AV_API int32_t PlayoutAv_PackedEncode(PlayoutAvPackedEncoder* encoder,
    const uint8_t* y, int32_t y_stride, int32_t y_size,
    const uint8_t* cb, int32_t cb_stride, int32_t cb_size,
    const uint8_t* cr, int32_t cr_stride, int32_t cr_size,
    uint8_t* dst, int32_t dst_size);

PLAYOUT_AV_API int32_t PlayoutAv_PackedEncoderClose(PlayoutAvPackedEncoder* encoder);

typedef struct PlayoutAvPackedDecoder PlayoutAvPackedDecoder;

/* Opens a decoder of codec frames (a PLAYOUT_AV_PACKED_* value) to yuv422p10le. Width must be even;
 * v210 needs a height of at least 4 (FFmpeg's decoder silently decodes nothing below that); bitpacked
 * the same pixel limit as its encoder. */
PLAYOUT_AV_API int32_t PlayoutAv_PackedDecoderOpen(int32_t codec, int32_t width, int32_t height,
    PlayoutAvPackedDecoder** decoder);

/* Decodes the first frame in src (src_size bytes) into the caller's planes. Where FFmpeg's decoder takes
 * caller memory (AV_CODEC_CAP_DR1: v210) it writes the planes directly; otherwise (bitpacked in FFmpeg 5.1)
 * it decodes into a frame of its own that is copied into them. Either way each plane must start on a
 * PLAYOUT_AV_ALIGNMENT boundary, have a stride that is a multiple of PLAYOUT_AV_ALIGNMENT and not overlap
 * another plane. If src_size leaves PLAYOUT_AV_PADDING readable bytes after the frame, FFmpeg reads src in
 * place; otherwise the frame is first copied into an internal padded buffer. */
PLAYOUT_AV_API int32_t PlayoutAv_PackedDecode(PlayoutAvPackedDecoder* decoder,
    const uint8_t* src, int32_t src_size,
    uint8_t* y, int32_t y_stride, int32_t y_size,
    uint8_t* cb, int32_t cb_stride, int32_t cb_size,
    uint8_t* cr, int32_t cr_stride, int32_t cr_size);

PLAYOUT_AV_API int32_t PlayoutAv_PackedDecoderClose(PlayoutAvPackedDecoder* decoder);

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

/* ---- Media source: demux and decode a file or a network stream ------------------------------ */

typedef struct PlayoutAvSource PlayoutAvSource;

/* Flags of PlayoutAv_SourceOpen. */
#define PLAYOUT_AV_SOURCE_LIVE    1 /* a live stream (udp://, srt://): no seeking, no duration, low-delay demuxing */
#define PLAYOUT_AV_SOURCE_NOAUDIO 2 /* ignore audio streams */
#define PLAYOUT_AV_SOURCE_NOVIDEO 4 /* ignore video streams (sound only, e.g. to measure it) */

/* What PlayoutAv_SourceInfo reports about an opened input. Unknown numbers are 0 (durations -1). */
typedef struct {
    int32_t has_video;             /* 1 when a video stream was found and its decoder opened */
    int32_t width;                 /* coded picture size of the video stream */
    int32_t height;
    int32_t frame_rate_num;        /* the video stream's frame rate (avg_frame_rate, else r_frame_rate) */
    int32_t frame_rate_den;
    int32_t field_order;           /* 0 progressive or unknown, 1 top field first, 2 bottom field first */
    int32_t sample_aspect_num;     /* pixel aspect ratio (0/1 unknown) */
    int32_t sample_aspect_den;
    int32_t audio_channels;        /* channels of the chosen audio stream, 0 when there is none */
    int32_t audio_sample_rate;     /* its sample rate before resampling to 48 kHz */
    int64_t duration_us;           /* the container's duration in microseconds, -1 when unknown or live */
    int64_t frame_count;           /* the video stream's frame count when the container knows it, else -1 */
    char container[32];            /* FFmpeg's short names, cut to 31 bytes and NUL-terminated ("mpegts", "mxf", */
                                   /* "mov,mp4,m4a,3gp,3g2,mj2"; codecs by codec name: "h264", "aac", "pcm_s16le") */
    char video_codec[32];
    char audio_codec[32];
} PlayoutAvSourceInfo;

/* What one PlayoutAv_SourceRead delivered. */
#define PLAYOUT_AV_READ_VIDEO 1
#define PLAYOUT_AV_READ_AUDIO 2

typedef struct {
    int32_t kind;                  /* PLAYOUT_AV_READ_VIDEO or PLAYOUT_AV_READ_AUDIO */
    int32_t audio_samples;         /* audio: sample frames written to the caller's buffer */
    int64_t pts_us;                /* presentation time in microseconds from the start: video and audio share one */
                                   /* origin, the video stream's start_time (the audio's without video) */
    int32_t interlaced;            /* video: 1 when the decoded frame is interlaced */
    int32_t top_field_first;       /* video: 1 when its top field comes first */
} PlayoutAvReadResult;

/* Opens url (a file path, or udp://, srt://... where options allow that protocol) and the decoders of its
 * best video and best audio stream. options is NULL or "key=value:key=value" avformat/protocol options
 * (e.g. "timeout=2000000"); an option nobody takes fails with PLAYOUT_AV_EOPTION. Only the protocols of
 * "protocol_whitelist" open (e.g. "protocol_whitelist=udp,rtp,srt"); without it, only "file". Failures pass FFmpeg's
 * AVERROR through (ENOENT for a missing file, AVERROR_INVALIDDATA for a corrupt one), or
 * PLAYOUT_AV_ENOSTREAM when there is nothing to decode. Decoders may use FFmpeg's own threads: decoded
 * pictures are FFmpeg's until PlayoutAv_SourceRead converts them into the caller's planes. */
PLAYOUT_AV_API int32_t PlayoutAv_SourceOpen(const char* url, const char* options, int32_t flags, PlayoutAvSource** source);

/* As PlayoutAv_SourceOpen, abortable: once *abort is non-zero (set from any thread), the open and every later
 * PlayoutAv_SourceRead blocked in the network give up within about 0.1 s with AVERROR_EXIT. A live stream that
 * goes silent otherwise blocks its read until data comes again (unless the options set a "timeout"), so the
 * socket stays open and the stream resumes without a new open. abort must outlive the source. */
PLAYOUT_AV_API int32_t PlayoutAv_SourceOpenAbortable(const char* url, const char* options, int32_t flags,
    const volatile int32_t* abort, PlayoutAvSource** source);

PLAYOUT_AV_API int32_t PlayoutAv_SourceInfo(PlayoutAvSource* source, PlayoutAvSourceInfo* info);

/* Sets the picture PlayoutAv_SourceRead writes: width x height in pix_fmt (FFmpeg's name, e.g. "yuv422p10le",
 * "bgra"), scaled from whatever the decoder delivers with swscale (flags as in PlayoutAv_ScalerOpen; 0 for
 * bicubic). Interlaced pictures that change height are scaled field by field, so fields never mix. May be
 * called again between reads. */
PLAYOUT_AV_API int32_t PlayoutAv_SourceSetVideoOutput(PlayoutAvSource* source, int32_t width, int32_t height,
    const char* pix_fmt, int32_t flags);

/* Audio is delivered as interleaved 32-bit float at 48 kHz, `channels` samples per sample frame: the
 * source's channels in their order in the first ones (extra source channels are dropped), silence after.
 * Default: 16; 1 to 64, else AVERROR(EINVAL). */
PLAYOUT_AV_API int32_t PlayoutAv_SourceSetAudioOutput(PlayoutAvSource* source, int32_t channels);

/* Seeks so that the next video read returns the first picture at or after time_us, and the next audio
 * reads start at that time too (decoding from the previous key frame and discarding up to there).
 * Not for live sources (AVERROR(ESPIPE)) nor raw elementary streams without timestamps (AVERROR(ENOSYS)). */
PLAYOUT_AV_API int32_t PlayoutAv_SourceSeek(PlayoutAvSource* source, int64_t time_us);

/* Demuxes and decodes until one thing is ready and delivers it: a picture, converted into the caller's
 * planes (FFmpeg plane order, 4 entries, checked like PlayoutAv_Scale's destination), or audio, written to
 * audio (at most audio_capacity sample frames; the rest comes with the next reads). Returns 0 and fills
 * result, AVERROR_EOF once everything is delivered, or another AVERROR for a read or decode failure
 * (corrupt packets that the decoder skips are not failures). A source with no video never writes planes,
 * which may then be NULL. */
PLAYOUT_AV_API int32_t PlayoutAv_SourceRead(PlayoutAvSource* source,
    uint8_t* const planes[4], const int32_t strides[4], const int32_t sizes[4],
    float* audio, int32_t audio_capacity, PlayoutAvReadResult* result);

PLAYOUT_AV_API int32_t PlayoutAv_SourceClose(PlayoutAvSource* source);

/* ---- Media sink: encode and mux to a file or a network stream -------------------------------- */

typedef struct PlayoutAvSink PlayoutAvSink;

typedef struct {
    int32_t width;                 /* picture size the caller writes (yuv422p10le) and the encoder codes */
    int32_t height;
    int32_t frame_rate_num;        /* frames per second (1080i50: 25/1) */
    int32_t frame_rate_den;
    int32_t field_order;           /* 0 progressive, 1 top field first, 2 bottom field first */
    int32_t colorspace;            /* 0 BT.601, 1 BT.709, 2 BT.2020 (tags the stream) */
    int32_t audio_channels;        /* channels of the caller's interleaved float audio (16) */
    int32_t audio_channels_out;    /* channels encoded: the first ones of the caller's (0: no audio stream) */
    int64_t video_bitrate;         /* bits per second; 0 leaves the encoder's default */
    int64_t audio_bitrate;
    int32_t scte35_pid;            /* mpegts only: PID 0x20..0x1FFE of an SCTE-35 stream (PMT: stream_type 0x86, */
                                   /* registration descriptor "CUEI"); 0 for none */
    int32_t out_width;             /* the size the encoder codes, the picture scaled to it; 0: the picture's own */
    int32_t out_height;
    int32_t timed_metadata;        /* mpegts (or hls with mpegts segments) only: nonzero adds a timed ID3 metadata stream */
                                   /* (PMT: stream_type 0x15, metadata_descriptor "ID3 "), written by PlayoutAv_SinkWriteMetadata */
    int32_t eit;                   /* mpegts only: nonzero marks every SDT service as carrying EIT present/following, */
                                   /* whose sections PlayoutAv_SinkWriteEit writes on PID 0x12 */
} PlayoutAvSinkConfig;

/* Opens an output: url is a file path or a protocol URL (udp://127.0.0.1:5000?pkt_size=1316, srt://...);
 * container is FFmpeg's muxer name ("mpegts", "mxf", "mov", "mp4"), or NULL to guess from the url;
 * video_codec and audio_codec are encoder names ("libx264", "mpeg2video", "aac", "mp2"; audio_codec may be
 * NULL when config.audio_channels_out is 0). A NULL video_codec opens a sound-only output (a radio service, an
 * Icecast stream): it needs audio (else PLAYOUT_AV_ENOSTREAM), takes no SCTE-35 (PLAYOUT_AV_ESCTE35), its picture
 * size is not checked, and PlayoutAv_SinkWriteVideo fails with PLAYOUT_AV_ENOSTREAM.
 * options is NULL or "key=value:key=value" options (e.g.
 * "preset=veryfast:tune=zerolatency:movflags=+faststart"), offered in turn to the video encoder, the audio
 * encoder, the protocol and the muxer, each taking what it knows; an option nobody takes fails with
 * PLAYOUT_AV_EOPTION. A value holding ':' is quoted: "x264-params='keyint=50:bframes=0'". The sink itself takes
 * service_name and service_provider: an mpegts sink's DVB service's names in the SDT (FFmpeg's defaults "Service01"
 * and "FFmpeg"); other muxers have no service and drop them. Each picture is converted with swscale from yuv422p10le to
 * the first pixel format the encoder takes; audio is converted from float to the encoder's format and
 * re-framed to its frame size. The header is written here, so a bad url fails here. */
PLAYOUT_AV_API int32_t PlayoutAv_SinkOpen(const char* url, const char* container, const char* video_codec,
    const char* audio_codec, const char* options, const PlayoutAvSinkConfig* config, PlayoutAvSink** sink);

/* Encodes one yuv422p10le picture (3 planes, checked like PlayoutAv_Scale's source) as frame number
 * frame_index (its pts in 1/frame-rate units; numbers must increase, else AVERROR(EINVAL)). */
PLAYOUT_AV_API int32_t PlayoutAv_SinkWriteVideo(PlayoutAvSink* sink,
    const uint8_t* const planes[4], const int32_t strides[4], const int32_t sizes[4], int64_t frame_index);

/* Queues sample_frames frames of interleaved float audio (config.audio_channels per frame) and encodes
 * every whole encoder frame; audio pts count samples, so the caller sends every tick's audio, silence too.
 * A sink without audio stream (audio_channels_out 0) takes and drops it. */
PLAYOUT_AV_API int32_t PlayoutAv_SinkWriteAudio(PlayoutAvSink* sink, const float* samples, int32_t sample_frames);

/* Flushes the encoders (the last partial audio frame padded with silence) and writes the trailer.
 * Later writes fail with PLAYOUT_AV_EFINISHED. */
PLAYOUT_AV_API int32_t PlayoutAv_SinkFinish(PlayoutAvSink* sink);

/* Frees the sink; one not finished is finished first (errors ignored). */
PLAYOUT_AV_API int32_t PlayoutAv_SinkClose(PlayoutAvSink* sink);

/* SCTE-35 (sinks opened with config.scte35_pid; others fail with PLAYOUT_AV_ESCTE35).
 * The muxer's output passes through a TS packet filter: every PMT gets the SCTE-35 stream (stream_type 0x86, a
 * cue_identifier_descriptor) and a registration descriptor "CUEI" in its program_info loop, with a new CRC. */

/* The PTS, in 90 kHz units and 33 bits, that the muxer writes for video frame frame_index (the number given to
 * PlayoutAv_SinkWriteVideo), its own offsets included (mpegts delay, the shift that keeps dts non-negative): the
 * splice_time of a cue for that frame. Known once the first video packet has left the muxer (a few frames after the
 * first write, the encoder's delay); before that AVERROR(EAGAIN). */
PLAYOUT_AV_API int32_t PlayoutAv_SinkVideoPts(PlayoutAvSink* sink, int64_t frame_index, int64_t* pts_90k);

/* Writes one complete splice_info_section (table_id 0xFC, its section_length, a valid CRC_32, at most 4096 bytes,
 * else AVERROR_INVALIDDATA) as TS packets on the SCTE-35 PID at the current mux position: pointer_field 0, the
 * PID's own continuity counter, 0xFF stuffing. A muxrate (CBR) stream gets these packets on top of its rate. */
PLAYOUT_AV_API int32_t PlayoutAv_SinkWriteScte35(PlayoutAvSink* sink, const uint8_t* section, int32_t size);

/* Timed metadata (sinks opened with config.timed_metadata; others fail with PLAYOUT_AV_EMETADATA): one ID3 tag (1 to
 * 65536 bytes, else AVERROR(EINVAL)) as a PES of the metadata stream at pts_90k, the time in 90 kHz units from the
 * output's first frame (frame n of a 25 fps output is at n * 3600), which the muxer offsets as it does the pictures
 * and sound. Times must not go back. The sink's interleaving waits at most 100 ms for this sparse stream. */
PLAYOUT_AV_API int32_t PlayoutAv_SinkWriteMetadata(PlayoutAvSink* sink, const uint8_t* tag, int32_t size, int64_t pts_90k);

/* DVB EIT (sinks opened with config.eit; others fail with PLAYOUT_AV_EEIT). The muxer's SDT says a service has no EIT;
 * the filter sets each service's EIT_present_following_flag, with a new CRC, and notes the first service's ids. */

/* The service_id, transport_stream_id and original_network_id of the muxer's (first) service, as its SDT gives them
 * (options such as mpegts_service_id change them): what an EIT for it names. Known once the first SDT has left the
 * muxer (with the first packets); before that AVERROR(EAGAIN). */
PLAYOUT_AV_API int32_t PlayoutAv_SinkServiceIds(PlayoutAvSink* sink, int32_t* service_id, int32_t* transport_stream_id,
    int32_t* original_network_id);

/* Writes one complete event_information_section (table_id 0x4E or 0x4F, its section_length, a valid CRC_32, at most
 * 4096 bytes, else AVERROR_INVALIDDATA) as TS packets on PID 0x12 at the current mux position, with that PID's own
 * continuity counter. The caller repeats present/following as DVB asks (at least every 2 s). */
PLAYOUT_AV_API int32_t PlayoutAv_SinkWriteEit(PlayoutAvSink* sink, const uint8_t* section, int32_t size);

/* ---- Picture encoder: one still picture to JPEG or PNG bytes (previews, thumbnails) -------------- */

typedef struct PlayoutAvPictureEncoder PlayoutAvPictureEncoder;

/* Opens an encoder that scales src_width x src_height src_format pictures to width x height (bilinear)
 * and encodes them with codec ("mjpeg" or "png"; encoders with a delay give AVERROR_ENCODER_NOT_FOUND);
 * quality is mjpeg's qscale, 2 (best) to 31 (else AVERROR(EINVAL)), ignored by png. */
PLAYOUT_AV_API int32_t PlayoutAv_PictureEncoderOpen(int32_t src_width, int32_t src_height, const char* src_format,
    int32_t width, int32_t height, const char* codec, int32_t quality, PlayoutAvPictureEncoder** encoder);

/* Encodes one picture (planes checked like PlayoutAv_Scale's source) into out; *out_size gets the byte
 * count. PLAYOUT_AV_ECAPACITY when out_capacity is too small (*out_size then says what is needed; out may be
 * NULL with out_capacity 0 to ask). */
PLAYOUT_AV_API int32_t PlayoutAv_PictureEncode(PlayoutAvPictureEncoder* encoder,
    const uint8_t* const planes[4], const int32_t strides[4], const int32_t sizes[4],
    uint8_t* out, int32_t out_capacity, int32_t* out_size);

PLAYOUT_AV_API int32_t PlayoutAv_PictureEncoderClose(PlayoutAvPictureEncoder* encoder);

#ifdef __cplusplus
}
#endif

#endif
