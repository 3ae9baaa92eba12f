#include <stdlib.h>
#include <string.h>

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/audio_fifo.h>
#include <libavutil/mem.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>

#include "buffers.h"
#include "convert.h"
#include "options.h"
#include "planes.h"
#include "playout_av.h"
#include "ts_filter.h"

#define SAMPLE_RATE 48000
#define MAX_AUDIO_CHANNELS 64
/* The caller's audio is narrowed to the encoded channels this many sample frames at a time. */
#define NARROW_CHUNK 1024
/* The SCTE-35 filter's IO buffer: whole TS packets. */
#define FILTER_BUFFER (TS_PACKET_SIZE * 64)

struct PlayoutAvSink {
    AVFormatContext* format;
    int io_open;                   /* we opened format->pb and must close it */
    int header_written;
    int finished;
    AVPacket* packet;

    AVCodecContext* video;
    AVStream* video_stream;
    AVFrame* picture;              /* the encoder's input, in its own pixel format */
    Planes input;                  /* the caller's yuv422p10le pictures */
    Converter converter;
    int field_order;
    int64_t last_index;

    AVCodecContext* audio;
    AVStream* audio_stream;
    AVFrame* sound;
    SwrContext* swr;
    AVAudioFifo* fifo;             /* float, interleaved, the encoded channels only */
    float* staging;
    unsigned staging_size;
    int32_t channels_in;
    int32_t channels_out;
    int frame_size;
    int64_t audio_pts;

    AVStream* metadata_stream;     /* timed ID3, mpegts only */
    int64_t metadata_pts;          /* the last one written (90 kHz), times must not go back */

    /* SCTE-35 and EIT carriage (mpegts only): the muxer writes into filter_io, whose callback passes its TS packets
     * through the TsFilter (PMT and SDT rewritten, first video PTS noted) into real_io, the protocol's IO. */
    AVIOContext* filter_io;
    AVIOContext* real_io;
    TsFilter ts;
    uint8_t carry[TS_PACKET_SIZE]; /* a packet split across two callbacks */
    int carry_length;
    int64_t first_video_in;        /* pts (stream time base) of the first video packet handed to the muxer */
};

static int32_t check_config(const PlayoutAvSinkConfig* c, int has_video)
{
    int32_t ret = has_video ? buffers_check_dimensions(c->width, c->height) : 0;
    if (ret >= 0 && has_video && (c->out_width != 0 || c->out_height != 0))
        ret = buffers_check_dimensions(c->out_width, c->out_height);
    if (ret < 0)
        return ret;
    if (c->frame_rate_num <= 0 || c->frame_rate_den <= 0 || c->field_order < 0 || c->field_order > 2
        || c->colorspace < 0 || c->colorspace > 2 || c->video_bitrate < 0 || c->audio_bitrate < 0
        || c->audio_channels_out < 0 || c->audio_channels_out > c->audio_channels || c->audio_channels > MAX_AUDIO_CHANNELS
        || c->scte35_pid < 0 || (c->scte35_pid > 0 && (c->scte35_pid < 0x20 || c->scte35_pid > 0x1FFE)))
        return AVERROR(EINVAL);
    return 0;
}

static void tag_colours(AVCodecContext* codec, int colorspace, int height)
{
    switch (colorspace) {
    case 1:
        codec->colorspace = AVCOL_SPC_BT709;
        codec->color_primaries = AVCOL_PRI_BT709;
        codec->color_trc = AVCOL_TRC_BT709;
        break;
    case 2:
        codec->colorspace = AVCOL_SPC_BT2020_NCL;
        codec->color_primaries = AVCOL_PRI_BT2020;
        codec->color_trc = AVCOL_TRC_BT2020_10;
        break;
    default:
        /* BT.601: 625-line (576) pictures have EBU primaries, the rest SMPTE C. */
        codec->colorspace = height == 576 ? AVCOL_SPC_BT470BG : AVCOL_SPC_SMPTE170M;
        codec->color_primaries = height == 576 ? AVCOL_PRI_BT470BG : AVCOL_PRI_SMPTE170M;
        codec->color_trc = AVCOL_TRC_SMPTE170M;
        break;
    }
}

static const AVCodec* find_encoder(const char* name, enum AVMediaType type)
{
    const AVCodec* codec = avcodec_find_encoder_by_name(name);
    return codec && codec->type == type ? codec : NULL;
}

static int32_t add_stream(PlayoutAvSink* s, const AVCodec* codec, AVCodecContext** context, AVStream** stream)
{
    *stream = avformat_new_stream(s->format, NULL);
    *context = avcodec_alloc_context3(codec);
    if (!*stream || !*context)
        return AVERROR(ENOMEM);
    if (s->format->oformat->flags & AVFMT_GLOBALHEADER)
        (*context)->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    return 0;
}

static int32_t open_video(PlayoutAvSink* s, const char* name, const PlayoutAvSinkConfig* config, AVDictionary** options)
{
    const AVCodec* codec = find_encoder(name, AVMEDIA_TYPE_VIDEO);
    if (!codec)
        return AVERROR_ENCODER_NOT_FOUND;
    int32_t ret = add_stream(s, codec, &s->video, &s->video_stream);
    if (ret < 0)
        return ret;
    AVCodecContext* c = s->video;
    c->width = config->out_width > 0 ? config->out_width : config->width;
    c->height = config->out_height > 0 ? config->out_height : config->height;
    c->time_base = (AVRational){ config->frame_rate_den, config->frame_rate_num };
    c->framerate = (AVRational){ config->frame_rate_num, config->frame_rate_den };
    c->pix_fmt = codec->pix_fmts ? codec->pix_fmts[0] : AV_PIX_FMT_YUV420P;
    c->color_range = c->pix_fmt >= AV_PIX_FMT_YUVJ420P && c->pix_fmt <= AV_PIX_FMT_YUVJ444P ? AVCOL_RANGE_JPEG : AVCOL_RANGE_MPEG;
    tag_colours(c, config->colorspace, c->height);
    if (config->field_order != 0) {
        c->field_order = config->field_order == 1 ? AV_FIELD_TT : AV_FIELD_BB;
        c->flags |= AV_CODEC_FLAG_INTERLACED_DCT | AV_CODEC_FLAG_INTERLACED_ME;
    } else {
        c->field_order = AV_FIELD_PROGRESSIVE;
    }
    if (config->video_bitrate > 0)
        c->bit_rate = config->video_bitrate;
    /* About one second between key frames. */
    c->gop_size = FFMAX(1, (config->frame_rate_num + config->frame_rate_den / 2) / config->frame_rate_den);
    ret = avcodec_open2(c, codec, options);
    if (ret < 0)
        return ret;
    ret = avcodec_parameters_from_context(s->video_stream->codecpar, c);
    if (ret < 0)
        return ret;
    s->video_stream->time_base = c->time_base;
    s->video_stream->avg_frame_rate = c->framerate;
    s->field_order = config->field_order;
    s->picture = av_frame_alloc();
    if (!s->picture)
        return AVERROR(ENOMEM);
    s->picture->format = c->pix_fmt;
    s->picture->width = c->width;
    s->picture->height = c->height;
    ret = av_frame_get_buffer(s->picture, 0);
    if (ret < 0)
        return ret;
    return planes_describe_format(AV_PIX_FMT_YUV422P10, config->width, config->height, 0, &s->input);
}

static int32_t open_audio(PlayoutAvSink* s, const char* name, const PlayoutAvSinkConfig* config, AVDictionary** options)
{
    const AVCodec* codec = find_encoder(name, AVMEDIA_TYPE_AUDIO);
    if (!codec)
        return AVERROR_ENCODER_NOT_FOUND;
    int32_t ret = add_stream(s, codec, &s->audio, &s->audio_stream);
    if (ret < 0)
        return ret;
    AVCodecContext* c = s->audio;
    c->sample_rate = SAMPLE_RATE;
    c->time_base = (AVRational){ 1, SAMPLE_RATE };
    av_channel_layout_default(&c->ch_layout, config->audio_channels_out);
    c->sample_fmt = codec->sample_fmts ? codec->sample_fmts[0] : AV_SAMPLE_FMT_FLT;
    if (config->audio_bitrate > 0)
        c->bit_rate = config->audio_bitrate;
    ret = avcodec_open2(c, codec, options);
    if (ret < 0)
        return ret;
    ret = avcodec_parameters_from_context(s->audio_stream->codecpar, c);
    if (ret < 0)
        return ret;
    s->audio_stream->time_base = c->time_base;
    s->channels_in = config->audio_channels;
    s->channels_out = config->audio_channels_out;
    /* Encoders that take any frame size (PCM) get one video frame of samples when that is a whole number. */
    s->frame_size = c->frame_size;
    if (s->frame_size <= 0 || (codec->capabilities & AV_CODEC_CAP_VARIABLE_FRAME_SIZE)) {
        int64_t per_frame = (int64_t)SAMPLE_RATE * config->frame_rate_den;
        s->frame_size = per_frame % config->frame_rate_num == 0 && per_frame / config->frame_rate_num <= 8192
            ? (int)(per_frame / config->frame_rate_num) : 1024;
    }
    s->sound = av_frame_alloc();
    if (!s->sound)
        return AVERROR(ENOMEM);
    s->sound->format = c->sample_fmt;
    s->sound->sample_rate = SAMPLE_RATE;
    s->sound->nb_samples = s->frame_size;
    ret = av_channel_layout_copy(&s->sound->ch_layout, &c->ch_layout);
    if (ret >= 0)
        ret = av_frame_get_buffer(s->sound, 0);
    if (ret < 0)
        return ret;
    /* Same layout and rate on both sides: swr only converts float to the encoder's sample format. */
    ret = swr_alloc_set_opts2(&s->swr, &c->ch_layout, c->sample_fmt, SAMPLE_RATE,
        &c->ch_layout, AV_SAMPLE_FMT_FLT, SAMPLE_RATE, 0, NULL);
    if (ret >= 0)
        ret = swr_init(s->swr);
    if (ret < 0)
        return ret;
    s->fifo = av_audio_fifo_alloc(AV_SAMPLE_FMT_FLT, s->channels_out, s->frame_size * 2);
    av_fast_malloc(&s->staging, &s->staging_size,
        (size_t)FFMAX(s->frame_size, NARROW_CHUNK) * s->channels_out * sizeof(float));
    return s->fifo && s->staging ? 0 : AVERROR(ENOMEM);
}

/* Runs whole packets through the filter and on to the protocol's IO. */
static void filter_forward(PlayoutAvSink* s, uint8_t* packets, int size)
{
    for (int at = 0; at + TS_PACKET_SIZE <= size; at += TS_PACKET_SIZE)
        ts_filter_packet(&s->ts, packets + at);
    avio_write(s->real_io, packets, size);
}

/* filter_io's write callback: the muxer's bytes, cut where its buffer filled or it flushed. */
static int filter_write(void* opaque, uint8_t* buf, int size)
{
    PlayoutAvSink* s = opaque;
    int done = 0;
    if (s->carry_length > 0) {
        int n = FFMIN(size, TS_PACKET_SIZE - s->carry_length);
        memcpy(s->carry + s->carry_length, buf, n);
        s->carry_length += n;
        done = n;
        if (s->carry_length == TS_PACKET_SIZE) {
            filter_forward(s, s->carry, TS_PACKET_SIZE);
            s->carry_length = 0;
        }
    }
    int whole = (size - done) / TS_PACKET_SIZE * TS_PACKET_SIZE;
    filter_forward(s, buf + done, whole);
    done += whole;
    memcpy(s->carry + s->carry_length, buf + done, size - done);
    s->carry_length += size - done;
    /* The muxer asks for a flush after each packet (as a flush point); the protocol's IO decides as it would have. */
    avio_write_marker(s->real_io, AV_NOPTS_VALUE, AVIO_DATA_MARKER_FLUSH_POINT);
    return s->real_io->error < 0 ? s->real_io->error : size;
}

static int32_t open_filter(PlayoutAvSink* s, int scte35_pid, int eit)
{
    uint8_t* buffer = av_malloc(FILTER_BUFFER);
    if (!buffer)
        return AVERROR(ENOMEM);
    s->filter_io = avio_alloc_context(buffer, FILTER_BUFFER, 1, s, NULL, filter_write, NULL);
    if (!s->filter_io) {
        av_free(buffer);
        return AVERROR(ENOMEM);
    }
    ts_filter_init(&s->ts, scte35_pid, eit);
    s->real_io = s->format->pb;
    s->format->pb = s->filter_io;
    return 0;
}

/* Flushes the filter into the protocol's IO and puts that back as the muxer's; returns the filter's IO error. */
static int32_t close_filter(PlayoutAvSink* s)
{
    if (!s->filter_io)
        return 0;
    avio_flush(s->filter_io);
    int32_t ret = s->filter_io->error;
    s->format->pb = s->real_io;
    av_freep(&s->filter_io->buffer);
    avio_context_free(&s->filter_io);
    return ret < 0 ? ret : 0;
}

/* A timed ID3 stream (mpegts's metadata carriage; the hls muxer hands it to its mpegts segments). It is sparse: without
 * a bound the interleaver would hold the pictures and sound up to 10 s waiting for its next packet. */
static int32_t open_metadata(PlayoutAvSink* s)
{
    if (strcmp(s->format->oformat->name, "mpegts") != 0 && strcmp(s->format->oformat->name, "hls") != 0)
        return PLAYOUT_AV_EMETADATA;
    s->metadata_stream = avformat_new_stream(s->format, NULL);
    if (!s->metadata_stream)
        return AVERROR(ENOMEM);
    s->metadata_stream->codecpar->codec_type = AVMEDIA_TYPE_DATA;
    s->metadata_stream->codecpar->codec_id = AV_CODEC_ID_TIMED_ID3;
    s->metadata_stream->time_base = (AVRational){ 1, 90000 };
    s->format->max_interleave_delta = 100000;
    s->metadata_pts = INT64_MIN;
    return 0;
}

/* The SCTE-35 PID must differ from the muxer's: mpegts gives stream i the PID st->id when that is 16 or more,
 * else mpegts_start_pid + i, and the PMT mpegts_pmt_start_pid. */
static int32_t check_pid(PlayoutAvSink* s, int pid)
{
    int64_t start = 0x100, pmt = 0x1000;
    av_opt_get_int(s->format->priv_data, "mpegts_start_pid", 0, &start);
    av_opt_get_int(s->format->priv_data, "mpegts_pmt_start_pid", 0, &pmt);
    if (pid == pmt)
        return PLAYOUT_AV_ESCTE35;
    for (unsigned i = 0; i < s->format->nb_streams; i++) {
        int id = s->format->streams[i]->id;
        if ((id >= 16 ? id : start + i) == pid)
            return PLAYOUT_AV_ESCTE35;
    }
    return 0;
}

/* The mpegts muxer names its service (the SDT's service_descriptor) from its metadata, which no option reaches: the
 * options service_name and service_provider are taken here for it. Other muxers have no service: they take and drop
 * them, so a caller may name the service whatever the container FFmpeg guesses from a file's name. */
static void take_service_names(PlayoutAvSink* s, AVDictionary** dict)
{
    static const char* const keys[] = { "service_name", "service_provider" };
    int mpegts = strcmp(s->format->oformat->name, "mpegts") == 0;
    for (int i = 0; i < 2; i++) {
        const AVDictionaryEntry* entry = av_dict_get(*dict, keys[i], NULL, 0);
        if (entry) {
            if (mpegts)
                av_dict_set(&s->format->metadata, keys[i], entry->value, 0);
            av_dict_set(dict, keys[i], NULL, 0);
        }
    }
}

int32_t PlayoutAv_SinkOpen(const char* url, const char* container, const char* video_codec,
    const char* audio_codec, const char* options, const PlayoutAvSinkConfig* config, PlayoutAvSink** sink)
{
    if (!url || !config || !sink || (config->audio_channels_out > 0 && !audio_codec))
        return PLAYOUT_AV_ENULL;
    *sink = NULL;
    int32_t ret = check_config(config, video_codec != NULL);
    if (ret < 0)
        return ret;
    /* Sound only: there must be sound, and SCTE-35 splice times are video frames' PTS. */
    if (!video_codec && config->audio_channels_out == 0)
        return PLAYOUT_AV_ENOSTREAM;
    if (!video_codec && config->scte35_pid > 0)
        return PLAYOUT_AV_ESCTE35;
    PlayoutAvSink* s = calloc(1, sizeof *s);
    if (!s)
        return AVERROR(ENOMEM);
    s->last_index = INT64_MIN;
    s->first_video_in = AV_NOPTS_VALUE;
    AVDictionary* dict = NULL;
    ret = options_parse(options, &dict);
    if (ret < 0)
        goto fail;
    ret = avformat_alloc_output_context2(&s->format, NULL, container, url);
    if (ret < 0)
        goto fail;
    if (config->scte35_pid > 0 && strcmp(s->format->oformat->name, "mpegts") != 0) {
        ret = PLAYOUT_AV_ESCTE35;
        goto fail;
    }
    if (config->eit && strcmp(s->format->oformat->name, "mpegts") != 0) {
        ret = PLAYOUT_AV_EEIT;
        goto fail;
    }
    take_service_names(s, &dict);
    s->packet = av_packet_alloc();
    if (!s->packet) {
        ret = AVERROR(ENOMEM);
        goto fail;
    }
    /* Options go to whoever takes them: the video encoder, then the audio encoder, the protocol, the muxer. */
    ret = video_codec ? open_video(s, video_codec, config, &dict) : 0;
    if (ret == 0 && config->audio_channels_out > 0)
        ret = open_audio(s, audio_codec, config, &dict);
    if (ret == 0 && config->timed_metadata)
        ret = open_metadata(s);
    if (ret == 0 && !(s->format->oformat->flags & AVFMT_NOFILE)) {
        ret = avio_open2(&s->format->pb, url, AVIO_FLAG_WRITE, &s->format->interrupt_callback, &dict);
        s->io_open = ret >= 0;
    }
    if (ret == 0 && (config->scte35_pid > 0 || config->eit))
        ret = open_filter(s, config->scte35_pid, config->eit != 0);
    if (ret == 0)
        ret = avformat_init_output(s->format, &dict);
    if (ret >= 0 && config->scte35_pid > 0)
        ret = check_pid(s, config->scte35_pid);
    if (ret >= 0)
        ret = options_check_taken(dict);
    if (ret >= 0)
        ret = avformat_write_header(s->format, NULL);
    if (ret < 0)
        goto fail;
    s->header_written = 1;
    av_dict_free(&dict);
    *sink = s;
    return 0;
fail:
    av_dict_free(&dict);
    PlayoutAv_SinkClose(s);
    return ret;
}

/* Sends one frame (NULL: flush) and writes every packet the encoder has ready. */
static int32_t encode(PlayoutAvSink* s, AVCodecContext* codec, AVStream* stream, const AVFrame* frame)
{
    int ret = avcodec_send_frame(codec, frame);
    if (ret < 0)
        return ret;
    for (;;) {
        ret = avcodec_receive_packet(codec, s->packet);
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
            return 0;
        if (ret < 0)
            return ret;
        av_packet_rescale_ts(s->packet, codec->time_base, stream->time_base);
        s->packet->stream_index = stream->index;
        if (stream == s->video_stream && s->first_video_in == AV_NOPTS_VALUE)
            s->first_video_in = s->packet->pts;
        /* Takes the packet's reference, leaving s->packet blank. */
        ret = av_interleaved_write_frame(s->format, s->packet);
        if (ret < 0)
            return ret;
    }
}

int32_t PlayoutAv_SinkWriteVideo(PlayoutAvSink* s,
    const uint8_t* const planes[4], const int32_t strides[4], const int32_t sizes[4], int64_t frame_index)
{
    if (!s)
        return PLAYOUT_AV_ENULL;
    if (s->finished)
        return PLAYOUT_AV_EFINISHED;
    if (!s->video)
        return PLAYOUT_AV_ENOSTREAM;
    const uint8_t* in[4];
    int in_strides[4];
    int32_t ret = planes_check_source(&s->input, planes, strides, sizes, in, in_strides);
    if (ret < 0)
        return ret;
    if (frame_index <= s->last_index)
        return AVERROR(EINVAL);
    /* The encoder may still hold the previous picture (B-frames, lookahead): then this gets a new buffer. */
    ret = av_frame_make_writable(s->picture);
    if (ret < 0)
        return ret;
    Picture src = { .width = s->input.width, .height = s->input.height, .format = s->input.format,
        .colorspace = AVCOL_SPC_UNSPECIFIED, .range = AVCOL_RANGE_UNSPECIFIED };
    Picture dst = { .width = s->picture->width, .height = s->picture->height, .format = s->picture->format };
    for (int i = 0; i < 4; i++) {
        src.data[i] = (uint8_t*)in[i];
        src.strides[i] = in_strides[i];
        dst.data[i] = s->picture->data[i];
        dst.strides[i] = s->picture->linesize[i];
    }
    /* 4:2:2 to 4:2:0 averages chroma lines: for interlaced pictures only lines of the same field. */
    ret = convert_run(&s->converter, &src, &dst, SWS_BICUBIC, s->field_order != 0);
    if (ret < 0)
        return ret;
    s->picture->pts = frame_index;
    s->picture->interlaced_frame = s->field_order != 0;
    s->picture->top_field_first = s->field_order == 1;
    s->last_index = frame_index;
    return encode(s, s->video, s->video_stream, s->picture);
}

/* Encodes count queued sample frames (fewer than a frame only at the end, padded with silence). */
static int32_t encode_audio(PlayoutAvSink* s, int count)
{
    int ret = av_frame_make_writable(s->sound);
    if (ret < 0)
        return ret;
    ret = av_audio_fifo_read(s->fifo, (void**)&s->staging, count);
    if (ret < 0)
        return ret;
    memset(s->staging + (size_t)count * s->channels_out, 0, (size_t)(s->frame_size - count) * s->channels_out * sizeof(float));
    const uint8_t* in = (const uint8_t*)s->staging;
    ret = swr_convert(s->swr, s->sound->extended_data, s->frame_size, &in, s->frame_size);
    if (ret < 0)
        return ret;
    s->sound->nb_samples = s->frame_size;
    s->sound->pts = s->audio_pts;
    s->audio_pts += s->frame_size;
    return encode(s, s->audio, s->audio_stream, s->sound);
}

int32_t PlayoutAv_SinkWriteAudio(PlayoutAvSink* s, const float* samples, int32_t sample_frames)
{
    if (!s || (!samples && sample_frames > 0))
        return PLAYOUT_AV_ENULL;
    if (s->finished)
        return PLAYOUT_AV_EFINISHED;
    if (sample_frames < 0)
        return AVERROR(EINVAL);
    /* Without an audio stream the audio has nowhere to go. */
    if (!s->audio)
        return 0;
    for (int32_t done = 0; done < sample_frames;) {
        int32_t count = sample_frames - done;
        const float* from = samples + (size_t)done * s->channels_in;
        int ret;
        if (s->channels_in == s->channels_out) {
            ret = av_audio_fifo_write(s->fifo, (void**)&from, count);
        } else {
            count = FFMIN(count, NARROW_CHUNK);
            for (int32_t i = 0; i < count; i++)
                memcpy(s->staging + (size_t)i * s->channels_out, from + (size_t)i * s->channels_in,
                    (size_t)s->channels_out * sizeof(float));
            float* narrowed = s->staging;
            ret = av_audio_fifo_write(s->fifo, (void**)&narrowed, count);
        }
        if (ret < 0)
            return ret;
        done += count;
        while (av_audio_fifo_size(s->fifo) >= s->frame_size) {
            ret = encode_audio(s, s->frame_size);
            if (ret < 0)
                return ret;
        }
    }
    return 0;
}

int32_t PlayoutAv_SinkFinish(PlayoutAvSink* s)
{
    if (!s)
        return PLAYOUT_AV_ENULL;
    if (s->finished)
        return PLAYOUT_AV_EFINISHED;
    s->finished = 1;
    /* Everything is attempted, so the file gets its trailer whatever failed; the first failure is returned. */
    int32_t ret = 0, r;
    if (s->audio) {
        int left = av_audio_fifo_size(s->fifo);
        if (left > 0 && (r = encode_audio(s, left)) < 0 && ret == 0)
            ret = r;
        if ((r = encode(s, s->audio, s->audio_stream, NULL)) < 0 && ret == 0)
            ret = r;
    }
    if (s->video && (r = encode(s, s->video, s->video_stream, NULL)) < 0 && ret == 0)
        ret = r;
    if ((r = av_write_trailer(s->format)) < 0 && ret == 0)
        ret = r;
    if ((r = close_filter(s)) < 0 && ret == 0)
        ret = r;
    if (s->io_open) {
        if ((r = avio_closep(&s->format->pb)) < 0 && ret == 0)
            ret = r;
        s->io_open = 0;
    }
    return ret;
}

int32_t PlayoutAv_SinkClose(PlayoutAvSink* s)
{
    if (s) {
        if (s->header_written && !s->finished)
            PlayoutAv_SinkFinish(s);
        close_filter(s);
        if (s->io_open)
            avio_closep(&s->format->pb);
        avcodec_free_context(&s->video);
        avcodec_free_context(&s->audio);
        avformat_free_context(s->format);
        av_packet_free(&s->packet);
        av_frame_free(&s->picture);
        av_frame_free(&s->sound);
        convert_free(&s->converter);
        swr_free(&s->swr);
        av_audio_fifo_free(s->fifo);
        av_free(s->staging);
        free(s);
    }
    return 0;
}

int32_t PlayoutAv_SinkVideoPts(PlayoutAvSink* s, int64_t frame_index, int64_t* pts_90k)
{
    if (!s || !pts_90k)
        return PLAYOUT_AV_ENULL;
    if (!s->filter_io)
        return s->finished ? PLAYOUT_AV_EFINISHED : PLAYOUT_AV_ESCTE35;
    if (s->ts.first_video_pts < 0)
        avio_flush(s->filter_io); /* the first video packet may still sit in the filter's buffer */
    if (s->ts.first_video_pts < 0 || s->first_video_in == AV_NOPTS_VALUE)
        return AVERROR(EAGAIN);
    const AVRational tb90k = { 1, 90000 };
    AVRational tb = s->video_stream->time_base;
    /* What the muxer added (its delay, the shift that keeps dts from going negative): written PTS minus handed pts. */
    int64_t offset = s->ts.first_video_pts - av_rescale_q(s->first_video_in, tb, tb90k);
    /* As encode() rescales a packet of frame frame_index. */
    int64_t pts = av_rescale_q_rnd(frame_index, s->video->time_base, tb, AV_ROUND_NEAR_INF | AV_ROUND_PASS_MINMAX);
    pts = av_rescale_q(pts, tb, tb90k) + offset;
    *pts_90k = ((pts % (TS_PTS_MASK + 1)) + TS_PTS_MASK + 1) & TS_PTS_MASK;
    return 0;
}

/* Whether a section is exactly size bytes by its section_length, with a valid CRC_32. */
static int whole_section(const uint8_t* section, int32_t size)
{
    return 3 + (((section[1] & 0x0F) << 8) | section[2]) == size && ts_crc32(section, size) == 0;
}

/* Writes a checked section as TS packets on pid, through the filter like the muxer's own packets, so they keep their
 * place among them. */
static int32_t write_section(PlayoutAvSink* s, int pid, const uint8_t* section, int32_t size)
{
    uint8_t packets[23 * TS_PACKET_SIZE]; /* 4096 bytes and the pointer_field */
    int n = ts_packetize_section(&s->ts, pid, section, size, packets, sizeof packets);
    if (n < 0)
        return AVERROR_BUG;
    avio_write(s->filter_io, packets, n);
    avio_write_marker(s->filter_io, AV_NOPTS_VALUE, AVIO_DATA_MARKER_FLUSH_POINT);
    return s->filter_io->error < 0 ? s->filter_io->error : 0;
}

int32_t PlayoutAv_SinkWriteScte35(PlayoutAvSink* s, const uint8_t* section, int32_t size)
{
    if (!s || !section)
        return PLAYOUT_AV_ENULL;
    if (s->finished)
        return PLAYOUT_AV_EFINISHED;
    if (!s->filter_io || s->ts.scte35_pid == 0)
        return PLAYOUT_AV_ESCTE35;
    if (size < 3 || size > 4096 || section[0] != 0xFC || !whole_section(section, size))
        return AVERROR_INVALIDDATA;
    return write_section(s, s->ts.scte35_pid, section, size);
}

int32_t PlayoutAv_SinkWriteEit(PlayoutAvSink* s, const uint8_t* section, int32_t size)
{
    if (!s || !section)
        return PLAYOUT_AV_ENULL;
    if (s->finished)
        return PLAYOUT_AV_EFINISHED;
    if (!s->filter_io || !s->ts.eit)
        return PLAYOUT_AV_EEIT;
    if (size < 3 || size > 4096 || (section[0] != 0x4E && section[0] != 0x4F) || !whole_section(section, size))
        return AVERROR_INVALIDDATA;
    return write_section(s, TS_EIT_PID, section, size);
}

int32_t PlayoutAv_SinkServiceIds(PlayoutAvSink* s, int32_t* service_id, int32_t* transport_stream_id, int32_t* original_network_id)
{
    if (!s || !service_id || !transport_stream_id || !original_network_id)
        return PLAYOUT_AV_ENULL;
    if (!s->filter_io || !s->ts.eit)
        return s->finished ? PLAYOUT_AV_EFINISHED : PLAYOUT_AV_EEIT;
    if (s->ts.service_id < 0)
        avio_flush(s->filter_io); /* the first SDT may still sit in the filter's buffer */
    if (s->ts.service_id < 0)
        return AVERROR(EAGAIN);
    *service_id = s->ts.service_id;
    *transport_stream_id = s->ts.transport_stream_id;
    *original_network_id = s->ts.original_network_id;
    return 0;
}

int32_t PlayoutAv_SinkWriteMetadata(PlayoutAvSink* s, const uint8_t* tag, int32_t size, int64_t pts_90k)
{
    if (!s || !tag)
        return PLAYOUT_AV_ENULL;
    if (s->finished)
        return PLAYOUT_AV_EFINISHED;
    if (!s->metadata_stream)
        return PLAYOUT_AV_EMETADATA;
    if (size < 1 || size > 65536 || pts_90k < 0 || pts_90k < s->metadata_pts)
        return AVERROR(EINVAL);
    int32_t ret = av_new_packet(s->packet, size);
    if (ret < 0)
        return ret;
    memcpy(s->packet->data, tag, size);
    s->packet->pts = s->packet->dts = av_rescale_q(pts_90k, (AVRational){ 1, 90000 }, s->metadata_stream->time_base);
    s->packet->stream_index = s->metadata_stream->index;
    s->packet->flags |= AV_PKT_FLAG_KEY;
    s->metadata_pts = pts_90k;
    return av_interleaved_write_frame(s->format, s->packet);
}
