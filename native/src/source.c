#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/mem.h>
#include <libswscale/swscale.h>

#include "audio_queue.h"
#include "convert.h"
#include "upsample420.h"
#include "options.h"
#include "planes.h"
#include "playout_av.h"

#define DEFAULT_AUDIO_CHANNELS 16
#define MAX_AUDIO_CHANNELS 64
/* How many packets a seek reads at most to find the first video key frame and audio packet. */
#define PROBE_PACKETS 10000

struct PlayoutAvSource {
    AVFormatContext* format;
    int live;
    AVPacket* packet;
    int demux_ended;               /* av_read_frame said EOF and the decoders were sent their flush */

    AVCodecContext* video;
    AVStream* video_stream;
    AVFrame* picture;              /* a decoded picture, FFmpeg's, waiting to be converted */
    int picture_ready;
    int video_ended;
    int64_t picture_pts_us;
    int64_t next_video_us;         /* where a picture without a timestamp goes */
    int64_t video_target_us;       /* pictures before this time are dropped; INT64_MIN: none */
    int output_set;
    Planes output;
    int output_flags;
    Converter converter;

    AVCodecContext* audio;
    AVStream* audio_stream;
    AVFrame* sound;                /* a decoded audio frame not queued yet */
    int sound_ready;
    int audio_ended;
    AudioQueue queue;
    int32_t audio_channels;

    /* Packets a seek read ahead to check its landing place, delivered before the demuxer's next ones. */
    AVPacket** replay;
    int replay_count;
    int replay_next;
    int replay_capacity;

    /* Absolute time in microseconds that pts_us counts from: the start of the video stream (else of the
     * audio stream), so both kinds share one clock; AV_NOPTS_VALUE until known. */
    int64_t origin_us;
};

static int32_t open_decoder(PlayoutAvSource* s, enum AVMediaType type, int related, AVCodecContext** codec, AVStream** stream)
{
    const AVCodec* decoder = NULL;
    int index = av_find_best_stream(s->format, type, -1, related, &decoder, 0);
    /* No such stream or no decoder for it: the source simply has none of that kind. */
    if (index < 0)
        return 0;
    AVStream* st = s->format->streams[index];
    if (st->disposition & AV_DISPOSITION_ATTACHED_PIC)
        return 0;
    *codec = avcodec_alloc_context3(decoder);
    if (!*codec)
        return AVERROR(ENOMEM);
    int32_t ret = avcodec_parameters_to_context(*codec, st->codecpar);
    if (ret < 0)
        return ret;
    (*codec)->pkt_timebase = st->time_base;
    /* Decoded pictures are FFmpeg's own (converted out of them in Read), so frame threads are safe here. */
    (*codec)->thread_count = type == AVMEDIA_TYPE_VIDEO ? 0 : 1;
    /* Frame threads hold back a picture per thread (16 cores: 0.6 s at 25 fps); live waits for none. */
    if (s->live)
        (*codec)->thread_type = FF_THREAD_SLICE;
    ret = avcodec_open2(*codec, decoder, NULL);
    if (ret < 0)
        return ret;
    st->discard = AVDISCARD_DEFAULT;
    *stream = st;
    return 0;
}

static int64_t stream_us(const AVStream* st, int64_t ts)
{
    return av_rescale_q(ts, st->time_base, AV_TIME_BASE_Q);
}

/* Resets what depends on the read position: after open and after a seek. */
static void restart(PlayoutAvSource* s, int64_t target_us)
{
    s->demux_ended = 0;
    s->video_ended = 0;
    s->audio_ended = 0;
    if (s->picture)
        av_frame_unref(s->picture);
    if (s->sound)
        av_frame_unref(s->sound);
    s->picture_ready = 0;
    s->sound_ready = 0;
    s->video_target_us = target_us;
    s->next_video_us = target_us == INT64_MIN ? 0 : target_us;
    audio_queue_reset(&s->queue, target_us);
}

/* FFmpeg's interrupt callback: blocking network I/O polls it and gives up once the caller's flag is set. */
static int aborted(void* flag)
{
    return *(const volatile int32_t*)flag != 0;
}

int32_t PlayoutAv_SourceOpen(const char* url, const char* options, int32_t flags, PlayoutAvSource** source)
{
    return PlayoutAv_SourceOpenAbortable(url, options, flags, NULL, source);
}

int32_t PlayoutAv_SourceOpenAbortable(const char* url, const char* options, int32_t flags,
    const volatile int32_t* abort, PlayoutAvSource** source)
{
    if (!url || !source)
        return PLAYOUT_AV_ENULL;
    *source = NULL;
    PlayoutAvSource* s = calloc(1, sizeof *s);
    if (!s)
        return AVERROR(ENOMEM);
    s->live = (flags & PLAYOUT_AV_SOURCE_LIVE) != 0;
    s->audio_channels = DEFAULT_AUDIO_CHANNELS;
    s->origin_us = AV_NOPTS_VALUE;
    AVDictionary* dict = NULL;
    int32_t ret = options_parse(options, &dict);
    if (ret < 0)
        goto fail;
    /* Closed by default: without the caller's own list only local files open, never a network or nested
     * protocol a playlist or reference inside the file may name. */
    ret = av_dict_set(&dict, "protocol_whitelist", "file", AV_DICT_DONT_OVERWRITE);
    if (ret < 0)
        goto fail;
    s->format = avformat_alloc_context();
    s->packet = av_packet_alloc();
    if (!s->format || !s->packet) {
        ret = AVERROR(ENOMEM);
        goto fail;
    }
    if (s->live)
        s->format->flags |= AVFMT_FLAG_NOBUFFER;
    if (abort)
        s->format->interrupt_callback = (AVIOInterruptCB){ aborted, (void*)(uintptr_t)abort };
    /* avformat_open_input frees the context on failure. */
    ret = avformat_open_input(&s->format, url, NULL, &dict);
    if (ret < 0)
        goto fail;
    ret = options_check_taken(dict);
    if (ret < 0)
        goto fail;
    ret = avformat_find_stream_info(s->format, NULL);
    if (ret < 0)
        goto fail;
    for (unsigned i = 0; i < s->format->nb_streams; i++)
        s->format->streams[i]->discard = AVDISCARD_ALL;
    ret = flags & PLAYOUT_AV_SOURCE_NOVIDEO ? 0 : open_decoder(s, AVMEDIA_TYPE_VIDEO, -1, &s->video, &s->video_stream);
    if (ret == 0 && !(flags & PLAYOUT_AV_SOURCE_NOAUDIO))
        ret = open_decoder(s, AVMEDIA_TYPE_AUDIO, s->video_stream ? s->video_stream->index : -1, &s->audio, &s->audio_stream);
    if (ret < 0)
        goto fail;
    if (!s->video_stream && !s->audio_stream) {
        ret = PLAYOUT_AV_ENOSTREAM;
        goto fail;
    }
    s->picture = av_frame_alloc();
    s->sound = av_frame_alloc();
    if (!s->picture || !s->sound) {
        ret = AVERROR(ENOMEM);
        goto fail;
    }
    AVStream* clock = s->video_stream ? s->video_stream : s->audio_stream;
    if (clock->start_time != AV_NOPTS_VALUE)
        s->origin_us = stream_us(clock, clock->start_time);
    /* Files start at 0 on both kinds: audio before the first picture (encoder priming) is dropped.
     * Live streams deliver what comes. */
    restart(s, s->live ? INT64_MIN : 0);
    av_dict_free(&dict);
    *source = s;
    return 0;
fail:
    av_dict_free(&dict);
    PlayoutAv_SourceClose(s);
    return ret;
}

static void copy_name(char* dst, size_t size, const char* name)
{
    snprintf(dst, size, "%s", name ? name : "");
}

int32_t PlayoutAv_SourceInfo(PlayoutAvSource* s, PlayoutAvSourceInfo* info)
{
    if (!s || !info)
        return PLAYOUT_AV_ENULL;
    memset(info, 0, sizeof *info);
    info->sample_aspect_den = 1;
    info->duration_us = !s->live && s->format->duration != AV_NOPTS_VALUE ? s->format->duration : -1;
    info->frame_count = -1;
    copy_name(info->container, sizeof info->container, s->format->iformat->name);
    if (s->video_stream) {
        const AVStream* st = s->video_stream;
        const AVCodecParameters* par = st->codecpar;
        info->has_video = 1;
        info->width = par->width;
        info->height = par->height;
        /* avg_frame_rate first: for field-coded H.264 r_frame_rate is the field rate (50 for 25i). */
        AVRational rate = st->avg_frame_rate.num > 0 && st->avg_frame_rate.den > 0 ? st->avg_frame_rate : st->r_frame_rate;
        if (rate.num > 0 && rate.den > 0) {
            info->frame_rate_num = rate.num;
            info->frame_rate_den = rate.den;
        }
        switch (par->field_order) {
        case AV_FIELD_TT:
        case AV_FIELD_TB:
            info->field_order = 1;
            break;
        case AV_FIELD_BB:
        case AV_FIELD_BT:
            info->field_order = 2;
            break;
        default:
            break;
        }
        AVRational sar = av_guess_sample_aspect_ratio(s->format, (AVStream*)st, NULL);
        if (sar.num > 0 && sar.den > 0) {
            info->sample_aspect_num = sar.num;
            info->sample_aspect_den = sar.den;
        }
        if (st->nb_frames > 0)
            info->frame_count = st->nb_frames;
        copy_name(info->video_codec, sizeof info->video_codec, avcodec_get_name(par->codec_id));
    }
    if (s->audio_stream) {
        const AVCodecParameters* par = s->audio_stream->codecpar;
        info->audio_channels = par->ch_layout.nb_channels;
        info->audio_sample_rate = par->sample_rate;
        copy_name(info->audio_codec, sizeof info->audio_codec, avcodec_get_name(par->codec_id));
    }
    return 0;
}

int32_t PlayoutAv_SourceSetVideoOutput(PlayoutAvSource* s, int32_t width, int32_t height, const char* pix_fmt, int32_t flags)
{
    if (!s)
        return PLAYOUT_AV_ENULL;
    Planes output;
    int32_t ret = planes_describe(pix_fmt, width, height, 1, &output);
    if (ret < 0)
        return ret;
    /* Refuse bad flags now rather than at the first picture, when the decoder's format is already known. */
    if (s->video && s->video->pix_fmt != AV_PIX_FMT_NONE && s->video->width > 0 && s->video->height > 0
        && sws_isSupportedInput(s->video->pix_fmt)) {
        struct SwsContext* probe = sws_getContext(s->video->width, s->video->height, s->video->pix_fmt,
            width, height, output.format, flags, NULL, NULL, NULL);
        if (!probe)
            return PLAYOUT_AV_ESCALER;
        sws_freeContext(probe);
    }
    s->output = output;
    s->output_flags = flags;
    s->output_set = 1;
    return 0;
}

int32_t PlayoutAv_SourceSetAudioOutput(PlayoutAvSource* s, int32_t channels)
{
    if (!s)
        return PLAYOUT_AV_ENULL;
    if (channels < 1 || channels > MAX_AUDIO_CHANNELS)
        return AVERROR(EINVAL);
    s->audio_channels = channels;
    return 0;
}

/* ---- Seeking ---- */

static void replay_clear(PlayoutAvSource* s)
{
    for (int i = s->replay_next; i < s->replay_count; i++)
        av_packet_free(&s->replay[i]);
    s->replay_next = s->replay_count = 0;
}

static int32_t replay_push(PlayoutAvSource* s, AVPacket* packet)
{
    if (s->replay_count == s->replay_capacity) {
        int capacity = s->replay_capacity ? s->replay_capacity * 2 : 64;
        AVPacket** grown = av_realloc_array(s->replay, (size_t)capacity, sizeof *grown);
        if (!grown)
            return AVERROR(ENOMEM);
        s->replay = grown;
        s->replay_capacity = capacity;
    }
    AVPacket* copy = av_packet_alloc();
    if (!copy)
        return AVERROR(ENOMEM);
    av_packet_move_ref(copy, packet);
    s->replay[s->replay_count++] = copy;
    return 0;
}

/* The next packet: those the seek probe read first, then the demuxer's. */
static int read_packet(PlayoutAvSource* s)
{
    if (s->replay_next < s->replay_count) {
        av_packet_move_ref(s->packet, s->replay[s->replay_next]);
        av_packet_free(&s->replay[s->replay_next++]);
        if (s->replay_next == s->replay_count)
            s->replay_next = s->replay_count = 0;
        return 0;
    }
    return av_read_frame(s->format, s->packet);
}

/* After a demuxer seek: reads on to the first video key packet and the first audio packet and says
 * whether both start at or before ts (absolute microseconds), i.e. whether decoding from here reaches ts
 * whole. Not every demuxer lands on a key frame (mpegts seeks by dts to any packet), and audio may be muxed
 * ahead of video. The packets read are kept for replay; video packets before the key frame are dropped. */
static int32_t probe(PlayoutAvSource* s, int64_t ts)
{
    replay_clear(s);
    int need_video = s->video_stream != NULL, need_audio = s->audio_stream != NULL;
    for (int n = 0; need_video || need_audio; n++) {
        /* A stream without key flags: take what comes. */
        if (n == PROBE_PACKETS)
            return 1;
        if (av_read_frame(s->format, s->packet) < 0)
            return 0;
        AVPacket* p = s->packet;
        int video = s->video_stream && p->stream_index == s->video_stream->index;
        AVStream* st = video ? s->video_stream : s->audio_stream;
        if ((video && need_video && !(p->flags & AV_PKT_FLAG_KEY)) || (!video && !s->audio_stream)) {
            av_packet_unref(p);
            continue;
        }
        int64_t t = p->pts != AV_NOPTS_VALUE ? p->pts : p->dts;
        int late = t != AV_NOPTS_VALUE && stream_us(st, t) > ts;
        if (video && need_video) {
            need_video = 0;
        } else if (!video && need_audio) {
            need_audio = 0;
        } else {
            late = 0;
        }
        if (late) {
            av_packet_unref(p);
            return 0;
        }
        int32_t ret = replay_push(s, p);
        if (ret < 0)
            return ret;
    }
    return 1;
}

static int32_t seek_to_start(PlayoutAvSource* s, int64_t ts)
{
    replay_clear(s);
    int64_t start = s->format->start_time != AV_NOPTS_VALUE ? s->format->start_time : 0;
    int32_t ret = av_seek_frame(s->format, -1, start, AVSEEK_FLAG_BACKWARD);
    if (ret >= 0 && (ret = probe(s, ts)) != 0)
        return ret < 0 ? ret : 0;
    /* mpegts lands on the last packet at or before start by dts, maybe past the first key frame. */
    replay_clear(s);
    return av_seek_frame(s->format, -1, 0, AVSEEK_FLAG_BYTE);
}

/* Demuxers and decoders answer a damaged input with a bare -1 in many places: not AVERROR(EPERM), which
 * av_strerror would call "Operation not permitted", but the invalid data it is. */
static int32_t input_error(int32_t ret)
{
    return ret == -1 ? AVERROR_INVALIDDATA : ret;
}

int32_t PlayoutAv_SourceSeek(PlayoutAvSource* s, int64_t time_us)
{
    if (!s)
        return PLAYOUT_AV_ENULL;
    if (s->live)
        return AVERROR(ESPIPE);
    /* Raw elementary video streams (.h264, .m2v): the parser makes their timestamps up while reading, and
     * after a seek FFmpeg 5.1 makes them up wrong (raw h264 restarts from the seek target's time). */
    const AVClass* demuxer = s->format->iformat->priv_class;
    if ((s->format->iformat->flags & AVFMT_NOTIMESTAMPS)
        || (demuxer && strcmp(demuxer->class_name, "generic raw video demuxer") == 0))
        return AVERROR(ENOSYS);
    if (time_us < 0)
        time_us = 0;
    int64_t origin = s->origin_us != AV_NOPTS_VALUE ? s->origin_us
        : s->format->start_time != AV_NOPTS_VALUE ? s->format->start_time : 0;
    /* The clock is fixed from here even if no timestamp was seen yet. */
    s->origin_us = origin;
    int64_t start = s->format->start_time != AV_NOPTS_VALUE ? s->format->start_time : origin;
    int64_t ts = origin + time_us;
    /* Backwards to a key frame at or before ts, further back while the probe says that is not enough;
     * the pictures and samples before ts are dropped after decoding. */
    int32_t ret;
    for (int64_t margin = 0;; margin = margin ? margin * 2 : AV_TIME_BASE / 2) {
        int64_t point = ts - margin;
        if (point <= start) {
            ret = seek_to_start(s, ts);
            break;
        }
        if (av_seek_frame(s->format, -1, point, AVSEEK_FLAG_BACKWARD) < 0)
            continue;
        ret = probe(s, ts);
        if (ret != 0)
            break;
    }
    if (ret < 0)
        return input_error(ret);
    if (s->video)
        avcodec_flush_buffers(s->video);
    if (s->audio)
        avcodec_flush_buffers(s->audio);
    restart(s, time_us);
    return 0;
}

/* ---- Reading ---- */

/* The time of a decoded frame from the origin; the first timestamp seen sets the origin when the
 * container did not. */
static int64_t frame_us(PlayoutAvSource* s, const AVStream* st, const AVFrame* frame)
{
    if (frame->best_effort_timestamp == AV_NOPTS_VALUE)
        return AV_NOPTS_VALUE;
    int64_t us = stream_us(st, frame->best_effort_timestamp);
    if (s->origin_us == AV_NOPTS_VALUE)
        s->origin_us = us;
    return us - s->origin_us;
}

/* Takes the decoded picture in s->picture, unless it lies before the seek target. */
static void take_picture(PlayoutAvSource* s)
{
    int64_t pts = frame_us(s, s->video_stream, s->picture);
    if (pts == AV_NOPTS_VALUE)
        pts = s->next_video_us;
    AVRational rate = s->video_stream->avg_frame_rate.num > 0 ? s->video_stream->avg_frame_rate : s->video_stream->r_frame_rate;
    s->next_video_us = pts + (rate.num > 0 && rate.den > 0 ? av_rescale(AV_TIME_BASE, rate.den, rate.num) : 0);
    if (s->video_target_us != INT64_MIN && pts < s->video_target_us) {
        av_frame_unref(s->picture);
        return;
    }
    s->video_target_us = INT64_MIN;
    s->picture_pts_us = pts;
    s->picture_ready = 1;
}

static int32_t queue_sound(PlayoutAvSource* s)
{
    int32_t ret = audio_queue_push(&s->queue, s->sound, frame_us(s, s->audio_stream, s->sound));
    if (ret == 0)
        return 0;
    av_frame_unref(s->sound);
    s->sound_ready = 0;
    return ret < 0 ? ret : 0;
}

/* One step of demuxing and decoding: a frame received, or a packet read and sent. Returns 0 after a
 * step, AVERROR_EOF when everything is decoded, or an error. */
static int32_t step(PlayoutAvSource* s)
{
    if (s->video && !s->video_ended) {
        int ret = avcodec_receive_frame(s->video, s->picture);
        if (ret == 0) {
            take_picture(s);
            return 0;
        }
        if (ret == AVERROR_EOF)
            s->video_ended = 1;
        else if (ret != AVERROR(EAGAIN) && ret != AVERROR_INVALIDDATA)
            return ret;
        if (ret != AVERROR(EAGAIN))
            return 0;
    }
    if (s->audio && !s->audio_ended && !s->sound_ready) {
        int ret = avcodec_receive_frame(s->audio, s->sound);
        if (ret == 0) {
            s->sound_ready = 1;
            return 0;
        }
        if (ret == AVERROR_EOF) {
            s->audio_ended = 1;
            return audio_queue_drain_resampler(&s->queue);
        }
        if (ret != AVERROR(EAGAIN) && ret != AVERROR_INVALIDDATA)
            return ret;
        if (ret != AVERROR(EAGAIN))
            return 0;
    }
    if (s->demux_ended) {
        /* After their flush the decoders answer EOF, never EAGAIN; this only guards against a loop. */
        s->video_ended = 1;
        s->audio_ended = 1;
        return AVERROR_EOF;
    }
    int ret = read_packet(s);
    if (ret == AVERROR_EOF) {
        s->demux_ended = 1;
        if (s->video)
            avcodec_send_packet(s->video, NULL);
        if (s->audio)
            avcodec_send_packet(s->audio, NULL);
        return 0;
    }
    if (ret < 0)
        return ret;
    AVCodecContext* codec = s->video_stream && s->packet->stream_index == s->video_stream->index ? s->video
        : s->audio_stream && s->packet->stream_index == s->audio_stream->index ? s->audio : NULL;
    if (codec)
        ret = avcodec_send_packet(codec, s->packet);
    av_packet_unref(s->packet);
    /* A corrupt packet is the decoder's to skip, not the caller's failure. */
    return ret == AVERROR_INVALIDDATA ? 0 : ret;
}

static int32_t deliver_picture(PlayoutAvSource* s, uint8_t* const out[4], const int out_strides[4], PlayoutAvReadResult* result)
{
    const AVFrame* f = s->picture;
    Picture src = { .width = f->width, .height = f->height, .format = f->format,
        .colorspace = f->colorspace, .range = f->color_range };
    Picture dst = { .width = s->output.width, .height = s->output.height, .format = s->output.format };
    for (int i = 0; i < 4; i++) {
        src.data[i] = f->data[i];
        src.strides[i] = f->linesize[i];
        dst.data[i] = out[i];
        dst.strides[i] = out_strides[i];
    }
    int32_t ret = upsample420_run(&src, &dst, f->interlaced_frame) ? 0
        : convert_run(&s->converter, &src, &dst, s->output_flags, f->interlaced_frame && f->height != dst.height);
    result->kind = PLAYOUT_AV_READ_VIDEO;
    result->pts_us = s->picture_pts_us;
    result->interlaced = f->interlaced_frame != 0;
    result->top_field_first = f->top_field_first != 0;
    av_frame_unref(s->picture);
    s->picture_ready = 0;
    return ret;
}

int32_t PlayoutAv_SourceRead(PlayoutAvSource* s,
    uint8_t* const planes[4], const int32_t strides[4], const int32_t sizes[4],
    float* audio, int32_t audio_capacity, PlayoutAvReadResult* result)
{
    if (!s || !result)
        return PLAYOUT_AV_ENULL;
    memset(result, 0, sizeof *result);
    /* Everything the call may write is checked first, whatever it ends up delivering. */
    uint8_t* out[4];
    int out_strides[4];
    if (s->video) {
        if (!s->output_set)
            return PLAYOUT_AV_ENOOUTPUT;
        int32_t ret = planes_check_destination(&s->output, planes, strides, sizes, out, out_strides);
        if (ret < 0)
            return ret;
    }
    if (s->audio) {
        if (!audio)
            return PLAYOUT_AV_ENULL;
        if (audio_capacity <= 0)
            return PLAYOUT_AV_ECAPACITY;
    }
    for (;;) {
        if (s->sound_ready) {
            int32_t ret = queue_sound(s);
            if (ret < 0)
                return ret;
        }
        if (audio_queue_size(&s->queue) > 0) {
            int32_t count = audio_queue_pop(&s->queue, audio, s->audio_channels, audio_capacity, &result->pts_us);
            if (count < 0)
                return count;
            result->kind = PLAYOUT_AV_READ_AUDIO;
            result->audio_samples = count;
            return 0;
        }
        if (s->picture_ready)
            return deliver_picture(s, out, out_strides, result);
        int32_t ret = step(s);
        if (ret < 0)
            return input_error(ret);
    }
}

int32_t PlayoutAv_SourceClose(PlayoutAvSource* s)
{
    if (s) {
        avcodec_free_context(&s->video);
        avcodec_free_context(&s->audio);
        avformat_close_input(&s->format);
        av_packet_free(&s->packet);
        av_frame_free(&s->picture);
        av_frame_free(&s->sound);
        convert_free(&s->converter);
        audio_queue_free(&s->queue);
        replay_clear(s);
        av_free(s->replay);
        free(s);
    }
    return 0;
}
