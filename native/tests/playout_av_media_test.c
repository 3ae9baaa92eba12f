/* End-to-end tests of the media source, sink and picture encoder: clips are written with the Sink into
 * the working directory, read back with the Source and compared with what was written. */
/* sockets and llabs under -std=c11 */
#define _DEFAULT_SOURCE
#include <arpa/inet.h>
#include <math.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>
#include <unistd.h>

#include "playout_av.h"

static int failures;

#define CHECK(cond) do { if (!(cond)) { fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); failures++; } } while (0)
#define CHECK_EQ(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); if (a_ != b_) { \
    fprintf(stderr, "%s:%d: CHECK_EQ(%s, %s) failed: %lld != %lld\n", __FILE__, __LINE__, #a, #b, a_, b_); failures++; } } while (0)

#define PI 3.14159265358979323846
/* FFmpeg's codes, spelled out: the test uses the ABI header only, as the C# side does. */
#define AVERROR_EOF_CODE (-0x20464F45)
#define AVERROR_ENOENT_CODE (-2)
#define AVERROR_ENCODER_NOT_FOUND_CODE (-0x434E45F8)
#define AVERROR_INVALIDDATA_CODE (-0x41444E49)
#define AVERROR_EXIT_CODE (-0x54495845)

enum { RATE = 48000, CHANNELS = 16, FPS = 25, SAMPLES_PER_FRAME = RATE / FPS, FRAME_US = 1000000 / FPS };

/* A picture of 3 planes (yuv422p10le, or any 3-plane format) with room for FFmpeg's padding. */
typedef struct {
    uint8_t* planes[4];
    int32_t strides[4];
    int32_t sizes[4];
} Image;

static Image image_alloc(int32_t y_stride, int32_t c_stride, int32_t y_lines, int32_t c_lines)
{
    Image im = { { NULL }, { 0 }, { 0 } };
    for (int p = 0; p < 3; p++) {
        im.strides[p] = p == 0 ? y_stride : c_stride;
        im.sizes[p] = im.strides[p] * (p == 0 ? y_lines : c_lines) + PLAYOUT_AV_PADDING;
        im.planes[p] = calloc(1, (size_t)im.sizes[p]);
    }
    return im;
}

static Image yuv422p10(int32_t width, int32_t height)
{
    return image_alloc((width * 2 + 63) / 64 * 64, (width + 63) / 64 * 64, height, height);
}

static void image_free(Image* im)
{
    for (int p = 0; p < 3; p++)
        free(im->planes[p]);
}

/* Each frame written has its own flat luma, so a read picture tells which frame it is. */
static int luma_of_frame(int index)
{
    return 64 + 24 * (index % 36);
}

static void fill_frame(Image* im, int32_t width, int32_t height, int index)
{
    for (int y = 0; y < height; y++) {
        uint16_t* line = (uint16_t*)(im->planes[0] + (size_t)y * im->strides[0]);
        for (int x = 0; x < width; x++)
            line[x] = (uint16_t)luma_of_frame(index);
        for (int p = 1; p < 3; p++) {
            uint16_t* chroma = (uint16_t*)(im->planes[p] + (size_t)y * im->strides[p]);
            for (int x = 0; x < width / 2; x++)
                chroma[x] = 512;
        }
    }
}

static double mean_luma10(const Image* im, int32_t width, int32_t height)
{
    double sum = 0;
    for (int y = 0; y < height; y++) {
        const uint16_t* line = (const uint16_t*)(im->planes[0] + (size_t)y * im->strides[0]);
        for (int x = 0; x < width; x++)
            sum += line[x];
    }
    return sum / ((double)width * height);
}

/* The frame whose luma is nearest to what was read. */
static int frame_of_luma(double luma)
{
    int best = 0;
    for (int i = 1; i < 36; i++)
        if (fabs(luma_of_frame(i) - luma) < fabs(luma_of_frame(best) - luma))
            best = i;
    return best;
}

/* 1 kHz at half scale on channel 0, a quarter-scale 250 Hz on channel 1, the rest silent. */
static void fill_audio(float* audio, int64_t first_sample, int count)
{
    memset(audio, 0, sizeof(float) * (size_t)count * CHANNELS);
    for (int i = 0; i < count; i++) {
        double t = (double)(first_sample + i) / RATE;
        audio[i * CHANNELS] = (float)(0.5 * sin(2 * PI * 1000 * t));
        audio[i * CHANNELS + 1] = (float)(0.25 * sin(2 * PI * 250 * t));
    }
}

static PlayoutAvSinkConfig config_of(int32_t width, int32_t height, int32_t field_order, int32_t channels_out)
{
    PlayoutAvSinkConfig c = { .width = width, .height = height, .frame_rate_num = FPS, .frame_rate_den = 1,
        .field_order = field_order, .colorspace = height >= 720 ? 1 : 0, .audio_channels = CHANNELS,
        .audio_channels_out = channels_out, .video_bitrate = 2000000, .audio_bitrate = 0 };
    return c;
}

/* Writes frames frames of video and their audio; returns the sink's first failure. */
static int32_t write_clip(const char* url, const char* container, const char* video_codec, const char* audio_codec,
    const char* options, const PlayoutAvSinkConfig* config, int frames)
{
    PlayoutAvSink* sink;
    int32_t ret = PlayoutAv_SinkOpen(url, container, video_codec, audio_codec, options, config, &sink);
    if (ret < 0)
        return ret;
    Image im = yuv422p10(config->width, config->height);
    float* audio = malloc(sizeof(float) * SAMPLES_PER_FRAME * CHANNELS);
    for (int i = 0; i < frames && ret == 0; i++) {
        fill_frame(&im, config->width, config->height, i);
        ret = PlayoutAv_SinkWriteVideo(sink, (const uint8_t* const*)im.planes, im.strides, im.sizes, i);
        fill_audio(audio, (int64_t)i * SAMPLES_PER_FRAME, SAMPLES_PER_FRAME);
        if (ret == 0)
            ret = PlayoutAv_SinkWriteAudio(sink, audio, SAMPLES_PER_FRAME);
    }
    if (ret == 0)
        ret = PlayoutAv_SinkFinish(sink);
    if (ret == 0) {
        CHECK_EQ(PlayoutAv_SinkWriteVideo(sink, (const uint8_t* const*)im.planes, im.strides, im.sizes, frames), PLAYOUT_AV_EFINISHED);
        CHECK_EQ(PlayoutAv_SinkWriteAudio(sink, audio, 1), PLAYOUT_AV_EFINISHED);
        CHECK_EQ(PlayoutAv_SinkFinish(sink), PLAYOUT_AV_EFINISHED);
    }
    PlayoutAv_SinkClose(sink);
    free(audio);
    image_free(&im);
    return ret;
}

/* What reading a source to its end found. */
typedef struct {
    int pictures;
    int first_picture;             /* frame index (by luma) of the first picture */
    int wrong_pictures;            /* pictures whose luma is not the frame their pts says */
    int64_t first_video_pts;
    int pts_not_increasing;
    int interlaced;
    int top_field_first;
    int64_t samples;
    int64_t first_audio_pts;
    int audio_gaps;                /* audio reads whose pts is not where the previous one ended */
    double sum_squares[CHANNELS];
    float head[4096];              /* channel 1 of the first samples read */
    int head_count;
} ReadStats;

/* Reads pictures of width x height yuv422p10le (frame identity checked by luma) and audio of `channels`. */
static int32_t read_all(PlayoutAvSource* source, int32_t width, int32_t height, int channels, ReadStats* st)
{
    memset(st, 0, sizeof *st);
    st->first_picture = -1;
    st->first_video_pts = st->first_audio_pts = INT64_MIN;
    Image im = yuv422p10(width, height);
    enum { CAPACITY = 1500 };
    float* audio = malloc(sizeof(float) * CAPACITY * 64);
    int64_t last_video = INT64_MIN, next_audio = INT64_MIN;
    int32_t ret = 0;
    for (;;) {
        PlayoutAvReadResult r;
        ret = PlayoutAv_SourceRead(source, im.planes, im.strides, im.sizes, audio, CAPACITY, &r);
        if (ret < 0)
            break;
        if (r.kind == PLAYOUT_AV_READ_VIDEO) {
            int frame = frame_of_luma(mean_luma10(&im, width, height));
            if (st->pictures++ == 0) {
                st->first_picture = frame;
                st->first_video_pts = r.pts_us;
            }
            /* The pts says which frame it is (25 fps from 0). */
            if (frame != (int)((r.pts_us + FRAME_US / 2) / FRAME_US) % 36)
                st->wrong_pictures++;
            if (r.pts_us <= last_video)
                st->pts_not_increasing++;
            last_video = r.pts_us;
            st->interlaced |= r.interlaced;
            st->top_field_first |= r.top_field_first;
        } else {
            CHECK_EQ(r.kind, PLAYOUT_AV_READ_AUDIO);
            CHECK(r.audio_samples > 0 && r.audio_samples <= CAPACITY);
            if (st->first_audio_pts == INT64_MIN)
                st->first_audio_pts = r.pts_us;
            else if (llabs(r.pts_us - next_audio) > 1)
                st->audio_gaps++;
            next_audio = r.pts_us + (int64_t)r.audio_samples * 1000000 / RATE;
            for (int i = 0; i < r.audio_samples && st->head_count < 4096; i++)
                st->head[st->head_count++] = channels > 1 ? audio[i * channels + 1] : 0;
            for (int i = 0; i < r.audio_samples; i++)
                for (int c = 0; c < channels && c < CHANNELS; c++)
                    st->sum_squares[c] += (double)audio[i * channels + c] * audio[i * channels + c];
            st->samples += r.audio_samples;
        }
    }
    free(audio);
    image_free(&im);
    return ret;
}

/* Where channel 1's 250 Hz tone lies against the pts: the lag in samples (-95..96, within one period) at
 * which the 2048 samples after the first 1024 read best match what was written at their pts. 0 when the
 * audio is where its pts say (the first 1024 are skipped: a decoder starting after a seek may blur them). */
static int tone_lag(const ReadStats* st)
{
    int best = 0;
    double best_score = -1e9;
    int64_t first = (st->first_audio_pts * RATE + 500000) / 1000000;
    for (int lag = -95; lag <= 96; lag++) {
        double score = 0;
        for (int i = 1024; i < 3072 && i < st->head_count; i++)
            score += st->head[i] * sin(2 * PI * 250 * (double)(first + i - lag) / RATE);
        if (score > best_score) {
            best_score = score;
            best = lag;
        }
    }
    return best;
}

static double rms(const ReadStats* st, int channel)
{
    return st->samples > 0 ? sqrt(st->sum_squares[channel] / (double)st->samples) : 0;
}

/* Writes a clip, reads it back whole, then from the middle after a seek. */
static void round_trip(const char* path, const char* container, const char* video_codec, const char* audio_codec,
    int32_t width, int32_t height, int field_order, const char* expect_container, const char* expect_video,
    const char* expect_audio, int audio_frame)
{
    enum { FRAMES = 50 };
    PlayoutAvSinkConfig config = config_of(width, height, field_order, 2);
    int32_t ret = write_clip(path, container, video_codec, audio_codec, NULL, &config, FRAMES);
    CHECK_EQ(ret, 0);
    if (ret < 0) {
        fprintf(stderr, "  writing %s (%s, %s, %s) failed\n", path, container, video_codec, audio_codec);
        return;
    }

    PlayoutAvSource* source;
    CHECK_EQ(PlayoutAv_SourceOpen(path, NULL, 0, &source), 0);
    if (!source)
        return;
    PlayoutAvSourceInfo info;
    CHECK_EQ(PlayoutAv_SourceInfo(source, &info), 0);
    CHECK_EQ(info.has_video, 1);
    CHECK_EQ(info.width, width);
    CHECK_EQ(info.height, height);
    CHECK_EQ(info.frame_rate_num, FPS * info.frame_rate_den);
    CHECK_EQ(info.field_order, field_order);
    /* mov counts its frames; mpegts does not know. */
    CHECK_EQ(info.frame_count, strcmp(container, "mov") == 0 ? FRAMES : -1);
    CHECK_EQ(info.audio_channels, 2);
    CHECK_EQ(info.audio_sample_rate, RATE);
    CHECK(info.duration_us > 1900000 && info.duration_us < 2200000);
    CHECK(strcmp(info.container, expect_container) == 0);
    CHECK(strcmp(info.video_codec, expect_video) == 0);
    CHECK(strcmp(info.audio_codec, expect_audio) == 0);

    ReadStats st;
    PlayoutAvReadResult r;
    CHECK_EQ(PlayoutAv_SourceRead(source, NULL, NULL, NULL, NULL, 0, &r), PLAYOUT_AV_ENOOUTPUT);
    CHECK_EQ(PlayoutAv_SourceSetVideoOutput(source, width, height, "yuv422p10le", 0), 0);
    CHECK_EQ(read_all(source, width, height, CHANNELS, &st), AVERROR_EOF_CODE);
    CHECK_EQ(st.pictures, FRAMES);
    CHECK_EQ(st.first_picture, 0);
    CHECK_EQ(st.first_video_pts, 0);
    CHECK_EQ(st.wrong_pictures, 0);
    CHECK_EQ(st.pts_not_increasing, 0);
    CHECK_EQ(st.interlaced, field_order != 0);
    CHECK_EQ(st.top_field_first, field_order == 1);
    CHECK(llabs(st.samples - FRAMES * SAMPLES_PER_FRAME) <= audio_frame);
    CHECK(st.first_audio_pts >= 0 && st.first_audio_pts < 1000);
    CHECK_EQ(st.audio_gaps, 0);
    CHECK(fabs(rms(&st, 0) - 0.5 / sqrt(2)) < 0.03);
    CHECK(fabs(rms(&st, 1) - 0.25 / sqrt(2)) < 0.03);
    for (int c = 2; c < CHANNELS; c++)
        CHECK(rms(&st, c) == 0);
    /* In sync: the samples are where their pts say, and pts 0 is the first picture's. */
    CHECK(abs(tone_lag(&st)) <= 1);
    fprintf(stderr, "  %s: %d pictures, %lld samples (wrote %d), first audio at %lld us, lag %d\n", path, st.pictures,
        (long long)st.samples, FRAMES * SAMPLES_PER_FRAME, (long long)st.first_audio_pts, tone_lag(&st));
    /* EOF again, as often as asked. */
    Image im = yuv422p10(width, height);
    float audio[16];
    CHECK_EQ(PlayoutAv_SourceRead(source, im.planes, im.strides, im.sizes, audio, 1, &r), AVERROR_EOF_CODE);

    /* From the middle: the first picture is the one at the target, audio starts there too. */
    const int64_t target = 1000000 + 7000; /* 7 ms into frame 25: the first picture at or after is 26 */
    CHECK_EQ(PlayoutAv_SourceSeek(source, target), 0);
    CHECK_EQ(read_all(source, width, height, CHANNELS, &st), AVERROR_EOF_CODE);
    CHECK_EQ(st.first_picture, 26);
    CHECK(st.first_video_pts >= target && st.first_video_pts < target + FRAME_US);
    CHECK_EQ(st.pictures, FRAMES - 26);
    CHECK_EQ(st.wrong_pictures, 0);
    CHECK(st.first_audio_pts >= target && st.first_audio_pts <= target + 21);
    CHECK_EQ(st.audio_gaps, 0);
    CHECK(llabs(st.samples - (FRAMES * SAMPLES_PER_FRAME - target * RATE / 1000000)) <= audio_frame);
    CHECK(abs(tone_lag(&st)) <= 1);

    /* Back to the start, with one output channel: only the source's first channel. */
    CHECK_EQ(PlayoutAv_SourceSeek(source, 0), 0);
    CHECK_EQ(PlayoutAv_SourceSetAudioOutput(source, 1), 0);
    CHECK_EQ(read_all(source, width, height, 1, &st), AVERROR_EOF_CODE);
    CHECK_EQ(st.first_picture, 0);
    CHECK_EQ(st.pictures, FRAMES);
    CHECK(fabs(rms(&st, 0) - 0.5 / sqrt(2)) < 0.03);

    image_free(&im);
    PlayoutAv_SourceClose(source);
}

/* An interlaced clip read at another height is scaled field by field: lines of the two fields never mix. */
static void interlaced_scaling(void)
{
    enum { W = 128, H = 72, OUT_W = 96, OUT_H = 36, FRAMES = 6 };
    const char* path = "interlaced.ts";
    PlayoutAvSinkConfig config = config_of(W, H, 1, 2);
    PlayoutAvSink* sink;
    CHECK_EQ(PlayoutAv_SinkOpen(path, "mpegts", "mpeg2video", "mp2", "g=3", &config, &sink), 0);
    if (!sink)
        return;
    Image im = yuv422p10(W, H);
    fill_frame(&im, W, H, 0);
    for (int y = 0; y < H; y++) {
        uint16_t* line = (uint16_t*)(im.planes[0] + (size_t)y * im.strides[0]);
        for (int x = 0; x < W; x++)
            line[x] = y % 2 == 0 ? 200 : 800; /* top field dark, bottom field bright */
    }
    for (int i = 0; i < FRAMES; i++)
        CHECK_EQ(PlayoutAv_SinkWriteVideo(sink, (const uint8_t* const*)im.planes, im.strides, im.sizes, i), 0);
    CHECK_EQ(PlayoutAv_SinkClose(sink), 0); /* finishes it */
    image_free(&im);

    PlayoutAvSource* source;
    CHECK_EQ(PlayoutAv_SourceOpen(path, NULL, 0, &source), 0);
    if (!source)
        return;
    PlayoutAvSourceInfo info;
    CHECK_EQ(PlayoutAv_SourceInfo(source, &info), 0);
    CHECK_EQ(info.field_order, 1);
    CHECK_EQ(info.frame_count, -1);
    CHECK_EQ(PlayoutAv_SourceSetVideoOutput(source, OUT_W, OUT_H, "yuv422p10le", 0), 0);
    Image out = yuv422p10(OUT_W, OUT_H);
    float audio[1024 * CHANNELS];
    int pictures = 0, mixed = 0;
    PlayoutAvReadResult r;
    int32_t ret;
    while ((ret = PlayoutAv_SourceRead(source, out.planes, out.strides, out.sizes, audio, 1024, &r)) == 0) {
        if (r.kind != PLAYOUT_AV_READ_VIDEO)
            continue;
        pictures++;
        CHECK(r.interlaced && r.top_field_first);
        for (int y = 0; y < OUT_H; y++) {
            const uint16_t* line = (const uint16_t*)(out.planes[0] + (size_t)y * out.strides[0]);
            for (int x = 0; x < OUT_W; x++)
                if (abs(line[x] - (y % 2 == 0 ? 200 : 800)) > 24)
                    mixed++;
        }
    }
    CHECK_EQ(ret, AVERROR_EOF_CODE);
    CHECK_EQ(pictures, FRAMES);
    CHECK_EQ(mixed, 0);
    image_free(&out);
    PlayoutAv_SourceClose(source);
}

/* mxf wants broadcast sizes and rates from mpeg2video: 720x576 at 25 fps, 4:2:0, here with PCM audio. */
static void mxf(void)
{
    enum { FRAMES = 10 };
    PlayoutAvSinkConfig config = config_of(720, 576, 1, 4);
    CHECK_EQ(write_clip("clip.mxf", "mxf", "mpeg2video", "pcm_s16le", "b=8000000", &config, FRAMES), 0);
    PlayoutAvSource* source;
    CHECK_EQ(PlayoutAv_SourceOpen("clip.mxf", NULL, 0, &source), 0);
    if (!source)
        return;
    PlayoutAvSourceInfo info;
    CHECK_EQ(PlayoutAv_SourceInfo(source, &info), 0);
    CHECK(strcmp(info.container, "mxf") == 0);
    CHECK(strcmp(info.video_codec, "mpeg2video") == 0);
    CHECK(strcmp(info.audio_codec, "pcm_s16le") == 0);
    CHECK_EQ(info.audio_channels, 4);
    CHECK_EQ(info.width, 720);
    CHECK_EQ(info.height, 576);
    CHECK_EQ(PlayoutAv_SourceSetVideoOutput(source, 720, 576, "yuv422p10le", 0), 0);
    ReadStats st;
    CHECK_EQ(read_all(source, 720, 576, CHANNELS, &st), AVERROR_EOF_CODE);
    CHECK_EQ(st.pictures, FRAMES);
    CHECK_EQ(st.wrong_pictures, 0);
    CHECK_EQ(st.samples, FRAMES * SAMPLES_PER_FRAME);
    CHECK(fabs(rms(&st, 0) - 0.5 / sqrt(2)) < 0.01);
    CHECK(rms(&st, 2) == 0);
    CHECK_EQ(tone_lag(&st), 0);
    fprintf(stderr, "  clip.mxf: %d pictures, %lld samples\n", st.pictures, (long long)st.samples);
    PlayoutAv_SourceClose(source);
}

/* The muxer's output goes through the udp protocol: MPEG-TS packets of 188 bytes, 7 to a datagram. */
static void udp(void)
{
    int sock = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof addr;
    int big = 4 << 20;
    setsockopt(sock, SOL_SOCKET, SO_RCVBUF, &big, sizeof big);
    CHECK(bind(sock, (struct sockaddr*)&addr, sizeof addr) == 0 && getsockname(sock, (struct sockaddr*)&addr, &len) == 0);
    char url[128];
    snprintf(url, sizeof url, "udp://127.0.0.1:%d?pkt_size=1316", ntohs(addr.sin_port));
    PlayoutAvSinkConfig config = config_of(64, 48, 0, 2);
    CHECK_EQ(write_clip(url, "mpegts", "libx264", "aac", "preset=ultrafast:tune=zerolatency", &config, 10), 0);
    uint8_t datagram[2048];
    int datagrams = 0, good = 0;
    ssize_t n;
    while ((n = recv(sock, datagram, sizeof datagram, MSG_DONTWAIT)) > 0) {
        datagrams++;
        /* The last one may be short: the muxer's final flush. */
        good += n % 188 == 0 && datagram[0] == 0x47 && datagram[n - 188] == 0x47;
    }
    CHECK(datagrams > 3);
    CHECK_EQ(good, datagrams);
    close(sock);
}

/* A live input read on its own thread until it fails or is aborted, as the engine's decoder thread does. */
typedef struct {
    char url[128];
    volatile int32_t abort;
    int32_t open_ret;
    int32_t read_ret;
    volatile int pictures;
    volatile int done;
} LiveReader;

static void* live_read(void* arg)
{
    LiveReader* r = arg;
    PlayoutAvSource* source = NULL;
    r->open_ret = PlayoutAv_SourceOpenAbortable(r->url, "protocol_whitelist=udp", PLAYOUT_AV_SOURCE_LIVE, &r->abort, &source);
    if (r->open_ret == 0) {
        Image im = yuv422p10(64, 48);
        float* audio = malloc(sizeof(float) * 4096 * CHANNELS);
        PlayoutAvReadResult result;
        PlayoutAv_SourceSetVideoOutput(source, 64, 48, "yuv422p10le", 0);
        while ((r->read_ret = PlayoutAv_SourceRead(source, im.planes, im.strides, im.sizes, audio, 4096, &result)) == 0)
            r->pictures += result.kind == PLAYOUT_AV_READ_VIDEO;
        free(audio);
        image_free(&im);
        PlayoutAv_SourceClose(source);
    }
    r->done = 1;
    return NULL;
}

static double seconds_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static void sleep_seconds(double seconds)
{
    struct timespec t = { (time_t)seconds, (long)((seconds - (time_t)seconds) * 1e9) };
    nanosleep(&t, NULL);
}

static int free_udp_port(void)
{
    int sock = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t len = sizeof addr;
    bind(sock, (struct sockaddr*)&addr, sizeof addr);
    getsockname(sock, (struct sockaddr*)&addr, &len);
    close(sock);
    return ntohs(addr.sin_port);
}

/* Sets the reader's abort flag and says how long the reader took to give up (waits at most 2 s). */
static double abort_reader(LiveReader* r, pthread_t thread)
{
    double start = seconds_now();
    r->abort = 1;
    while (!r->done && seconds_now() - start < 2)
        sleep_seconds(0.005);
    double took = seconds_now() - start;
    if (r->done)
        pthread_join(thread, NULL);
    return took;
}

/* A silent live input neither fails nor returns: its open and its reads wait for data (the socket stays
 * bound, so a sender that comes back is read on at once) until the caller aborts them, which is quick. */
static void live_abort(void)
{
    LiveReader* waiting = calloc(1, sizeof *waiting);
    snprintf(waiting->url, sizeof waiting->url, "udp://127.0.0.1:%d", free_udp_port());
    pthread_t thread;
    pthread_create(&thread, NULL, live_read, waiting);
    sleep_seconds(0.5);
    CHECK(!waiting->done);
    CHECK(abort_reader(waiting, thread) < 0.5);
    CHECK(waiting->done);
    CHECK_EQ(waiting->open_ret, AVERROR_EXIT_CODE);
    free(waiting);

    LiveReader* reading = calloc(1, sizeof *reading);
    snprintf(reading->url, sizeof reading->url, "udp://127.0.0.1:%d", free_udp_port());
    pthread_create(&thread, NULL, live_read, reading);
    sleep_seconds(0.3);
    char to[160];
    snprintf(to, sizeof to, "%s?pkt_size=1316", reading->url);
    PlayoutAvSinkConfig config = config_of(64, 48, 0, 2);
    CHECK_EQ(write_clip(to, "mpegts", "libx264", "aac", "preset=ultrafast:tune=zerolatency", &config, 75), 0);
    /* Read on well past the stream's end: silence is no failure. */
    sleep_seconds(1.5);
    CHECK(!reading->done);
    CHECK(reading->pictures > 0);
    CHECK(abort_reader(reading, thread) < 0.5);
    CHECK(reading->done);
    CHECK_EQ(reading->open_ret, 0);
    CHECK_EQ(reading->read_ret, AVERROR_EXIT_CODE);
    fprintf(stderr, "  live udp: %d pictures before the silence\n", reading->pictures);
    free(reading);
}

static int log_lines;
static int log_mentions_moov;

static void count_log(int32_t level, const char* line)
{
    log_lines += level <= 24;
    log_mentions_moov |= strstr(line, "moov atom not found") != NULL;
}

/* FFmpeg's complaints about a broken file reach the callback, not stderr; NULL hands them back. */
static void log_routing(void)
{
    FILE* f = fopen("no-moov.mp4", "wb");
    for (int i = 0; i < 4096; i++)
        fputc((i * 31) % 7, f);
    fclose(f);
    PlayoutAvSource* source;
    CHECK_EQ(PlayoutAv_SetLog(count_log, 24), 0);
    CHECK(PlayoutAv_SourceOpen("no-moov.mp4", NULL, 0, &source) < 0);
    CHECK(log_lines > 0);
    CHECK(log_mentions_moov);
    CHECK_EQ(PlayoutAv_SetLog(NULL, 0), 0);
    int before = log_lines;
    CHECK(PlayoutAv_SourceOpen("no-moov.mp4", NULL, 0, &source) < 0);
    CHECK_EQ(log_lines, before);
}

static void errors(void)
{
    PlayoutAvSource* source;
    CHECK_EQ(PlayoutAv_SourceOpen("no-such-file.ts", NULL, 0, &source), AVERROR_ENOENT_CODE);
    CHECK(source == NULL);
    FILE* f = fopen("garbage.bin", "wb");
    for (int i = 0; i < 4096; i++)
        fputc((i * 7919) % 251, f);
    fclose(f);
    CHECK_EQ(PlayoutAv_SourceOpen("garbage.bin", NULL, 0, &source), AVERROR_INVALIDDATA_CODE);
    CHECK(source == NULL);
    /* clip.ts comes from the round trip test. */
    CHECK_EQ(PlayoutAv_SourceOpen("clip.ts", "no_such_option=1", 0, &source), PLAYOUT_AV_EOPTION);
    CHECK_EQ(PlayoutAv_SourceOpen("clip.ts", "malformed", 0, &source), PLAYOUT_AV_EOPTION);
    CHECK_EQ(PlayoutAv_SourceOpen("clip.ts", "probesize=1000000:analyzeduration=2000000", 0, &source), 0);
    CHECK_EQ(PlayoutAv_SourceSetAudioOutput(source, 0), -22);
    CHECK_EQ(PlayoutAv_SourceSetAudioOutput(source, 65), -22);
    CHECK_EQ(PlayoutAv_SourceSetVideoOutput(source, 64, 48, "nope", 0), PLAYOUT_AV_EPIXFMT);
    CHECK_EQ(PlayoutAv_SourceSetVideoOutput(source, 64, 48, "bgra", 0x10 | 0x2), PLAYOUT_AV_ESCALER);
    CHECK_EQ(PlayoutAv_SourceSetVideoOutput(source, 64, 48, "bgra", 0), 0);
    uint8_t* bgra = calloc(1, 256 * 48 + PLAYOUT_AV_PADDING);
    uint8_t* planes[4] = { bgra };
    int32_t strides[4] = { 256 }, sizes[4] = { 256 * 48 + PLAYOUT_AV_PADDING - 1 };
    float* audio = malloc(sizeof(float) * 2048 * CHANNELS);
    PlayoutAvReadResult r;
    CHECK_EQ(PlayoutAv_SourceRead(source, planes, strides, sizes, audio, 1, &r), PLAYOUT_AV_EPLANESIZE);
    sizes[0]++;
    CHECK_EQ(PlayoutAv_SourceRead(source, planes, strides, sizes, NULL, 0, &r), PLAYOUT_AV_ENULL);
    CHECK_EQ(PlayoutAv_SourceRead(source, planes, strides, sizes, audio, 0, &r), PLAYOUT_AV_ECAPACITY);
    /* Audio one sample frame at a time, then the rest; pictures in bgra. */
    int pictures = 0;
    int64_t next_audio = INT64_MIN;
    for (int i = 0; i < 200 && pictures < 3; i++) {
        CHECK_EQ(PlayoutAv_SourceRead(source, planes, strides, sizes, audio, i < 5 ? 1 : 2048, &r), 0);
        if (r.kind == PLAYOUT_AV_READ_VIDEO) {
            CHECK_EQ(r.pts_us, pictures * FRAME_US);
            /* Grey: frame i's luma is 16 + 6 i (8-bit), 7 i in full-range RGB; opaque. */
            for (int c = 0; c < 3; c++)
                CHECK(abs(bgra[c] - 7 * pictures) <= 3);
            CHECK_EQ(bgra[3], 255);
            pictures++;
        } else {
            if (i < 5)
                CHECK_EQ(r.audio_samples, 1);
            if (next_audio != INT64_MIN)
                CHECK(llabs(r.pts_us - next_audio) <= 1);
            next_audio = r.pts_us + (int64_t)r.audio_samples * 1000000 / RATE;
        }
    }
    CHECK_EQ(pictures, 3);
    CHECK(next_audio > 0);
    free(audio);
    free(bgra);
    PlayoutAv_SourceClose(source);
    CHECK_EQ(PlayoutAv_SourceSeek(NULL, 0), PLAYOUT_AV_ENULL);
    CHECK_EQ(PlayoutAv_SourceClose(NULL), 0);

    /* Audio only. */
    CHECK_EQ(PlayoutAv_SourceOpen("clip.ts", NULL, PLAYOUT_AV_SOURCE_NOAUDIO, &source), 0);
    PlayoutAvSourceInfo info;
    CHECK_EQ(PlayoutAv_SourceInfo(source, &info), 0);
    CHECK_EQ(info.audio_channels, 0);
    CHECK(info.audio_codec[0] == '\0');
    PlayoutAv_SourceClose(source);

    PlayoutAvSink* sink;
    PlayoutAvSinkConfig config = config_of(64, 48, 0, 2);
    CHECK_EQ(PlayoutAv_SinkOpen("bad.ts", "mpegts", "libx264", "aac", "no_such_option=1", &config, &sink), PLAYOUT_AV_EOPTION);
    CHECK(sink == NULL);
    CHECK_EQ(PlayoutAv_SinkOpen("bad.ts", "mpegts", "no_such_codec", "aac", NULL, &config, &sink), AVERROR_ENCODER_NOT_FOUND_CODE);
    CHECK_EQ(PlayoutAv_SinkOpen("bad.ts", "mpegts", "aac", "aac", NULL, &config, &sink), AVERROR_ENCODER_NOT_FOUND_CODE);
    CHECK(PlayoutAv_SinkOpen("/no-such-dir/bad.ts", "mpegts", "libx264", "aac", NULL, &config, &sink) < 0);
    config.audio_channels_out = 17;
    CHECK_EQ(PlayoutAv_SinkOpen("bad.ts", "mpegts", "libx264", "aac", NULL, &config, &sink), -22);
    config.audio_channels_out = 0;
    config.width = 0;
    CHECK_EQ(PlayoutAv_SinkOpen("bad.ts", "mpegts", "libx264", NULL, NULL, &config, &sink), PLAYOUT_AV_EDIMENSIONS);
    config.width = 64;
    /* No audio stream: audio written is dropped; picture checks and frame order. */
    CHECK_EQ(PlayoutAv_SinkOpen("video-only.ts", "mpegts", "mpeg2video", NULL, NULL, &config, &sink), 0);
    if (sink) {
        Image im = yuv422p10(64, 48);
        float audio[CHANNELS] = { 0 };
        CHECK_EQ(PlayoutAv_SinkWriteAudio(sink, audio, 1), 0);
        CHECK_EQ(PlayoutAv_SinkWriteVideo(sink, (const uint8_t* const*)im.planes, im.strides, im.sizes, 0), 0);
        CHECK_EQ(PlayoutAv_SinkWriteVideo(sink, (const uint8_t* const*)im.planes, im.strides, im.sizes, 0), -22);
        im.sizes[1] = 10;
        CHECK_EQ(PlayoutAv_SinkWriteVideo(sink, (const uint8_t* const*)im.planes, im.strides, im.sizes, 1), PLAYOUT_AV_EPLANESIZE);
        image_free(&im);
        PlayoutAv_SinkClose(sink);
    }
    CHECK_EQ(PlayoutAv_SinkClose(NULL), 0);
}

static void picture_encoder(void)
{
    enum { W = 128, H = 72 };
    Image im = yuv422p10(W, H);
    fill_frame(&im, W, H, 10);
    static uint8_t out[1 << 16];
    int32_t size = 0, small = 0, needed = 0;
    PlayoutAvPictureEncoder* e;

    CHECK_EQ(PlayoutAv_PictureEncoderOpen(W, H, "yuv422p10le", 64, 36, "mjpeg", 2, &e), 0);
    CHECK_EQ(PlayoutAv_PictureEncode(e, (const uint8_t* const*)im.planes, im.strides, im.sizes, out, sizeof out, &size), 0);
    CHECK(size > 100 && out[0] == 0xFF && out[1] == 0xD8 && out[size - 2] == 0xFF && out[size - 1] == 0xD9);
    CHECK_EQ(PlayoutAv_PictureEncode(e, (const uint8_t* const*)im.planes, im.strides, im.sizes, out, 10, &needed), PLAYOUT_AV_ECAPACITY);
    CHECK_EQ(needed, size);
    CHECK_EQ(PlayoutAv_PictureEncode(e, (const uint8_t* const*)im.planes, im.strides, im.sizes, NULL, 0, &needed), PLAYOUT_AV_ECAPACITY);
    CHECK_EQ(needed, size);
    PlayoutAv_PictureEncoderClose(e);
    /* A coarser quantiser makes a smaller JPEG of a detailed picture. */
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            ((uint16_t*)(im.planes[0] + (size_t)y * im.strides[0]))[x] = (uint16_t)(64 + (x * 37 + y * 91) % 876);
    CHECK_EQ(PlayoutAv_PictureEncoderOpen(W, H, "yuv422p10le", W, H, "mjpeg", 2, &e), 0);
    CHECK_EQ(PlayoutAv_PictureEncode(e, (const uint8_t* const*)im.planes, im.strides, im.sizes, out, sizeof out, &size), 0);
    PlayoutAv_PictureEncoderClose(e);
    CHECK_EQ(PlayoutAv_PictureEncoderOpen(W, H, "yuv422p10le", W, H, "mjpeg", 31, &e), 0);
    CHECK_EQ(PlayoutAv_PictureEncode(e, (const uint8_t* const*)im.planes, im.strides, im.sizes, out, sizeof out, &small), 0);
    PlayoutAv_PictureEncoderClose(e);
    CHECK(small > 0 && small < size / 2);

    CHECK_EQ(PlayoutAv_PictureEncoderOpen(W, H, "yuv422p10le", 32, 18, "png", 0, &e), 0);
    CHECK_EQ(PlayoutAv_PictureEncode(e, (const uint8_t* const*)im.planes, im.strides, im.sizes, out, sizeof out, &size), 0);
    CHECK(size > 8 && memcmp(out, "\x89PNG\r\n\x1a\n", 8) == 0);
    im.sizes[0] = 100;
    CHECK_EQ(PlayoutAv_PictureEncode(e, (const uint8_t* const*)im.planes, im.strides, im.sizes, out, sizeof out, &size), PLAYOUT_AV_EPLANESIZE);
    PlayoutAv_PictureEncoderClose(e);

    CHECK_EQ(PlayoutAv_PictureEncoderOpen(W, H, "yuv422p10le", 64, 36, "mjpeg", 1, &e), -22);
    CHECK_EQ(PlayoutAv_PictureEncoderOpen(W, H, "yuv422p10le", 64, 36, "libx264", 5, &e), AVERROR_ENCODER_NOT_FOUND_CODE);
    CHECK_EQ(PlayoutAv_PictureEncoderOpen(W, H, "nope", 64, 36, "png", 5, &e), PLAYOUT_AV_EPIXFMT);
    CHECK_EQ(PlayoutAv_PictureEncoderClose(NULL), 0);
    image_free(&im);
}

static void error_strings(void)
{
    char buf[256];
    for (int32_t code = PLAYOUT_AV_EFINISHED; code <= PLAYOUT_AV_ENOSTREAM; code++) {
        CHECK_EQ(PlayoutAv_ErrorString(code, buf, sizeof buf), 0);
        CHECK(strstr(buf, "Error number") == NULL);
    }
}

int main(void)
{
    error_strings();
    round_trip("clip.ts", "mpegts", "libx264", "aac", 128, 72, 0, "mpegts", "h264", "aac", 1024);
    round_trip("clip.mov", "mov", "libx264", "aac", 128, 72, 0, "mov,mp4,m4a,3gp,3g2,mj2", "h264", "aac", 1024);
    round_trip("clip-mpeg2.ts", "mpegts", "mpeg2video", "mp2", 128, 72, 2, "mpegts", "mpeg2video", "mp2", 1152);
    interlaced_scaling();
    mxf();
    udp();
    live_abort();
    errors();
    log_routing();
    picture_encoder();
    if (failures == 0)
        puts("playout_av_media_test: all checks passed");
    return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
