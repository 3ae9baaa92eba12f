#include "audio_queue.h"

#include <string.h>

#include <libavutil/mathematics.h>
#include <libavutil/mem.h>

#include "playout_av.h"

void audio_queue_reset(AudioQueue* q, int64_t target_us)
{
    if (q->fifo)
        av_audio_fifo_reset(q->fifo);
    /* A new swr on the next frame: the old one holds samples from before the seek. */
    swr_free(&q->swr);
    q->head = 0;
    q->head_known = 0;
    q->target_us = target_us;
}

static int32_t ensure_staging(AudioQueue* q, int64_t floats)
{
    if (floats > INT32_MAX / (int64_t)sizeof(float))
        return AVERROR(ENOMEM);
    av_fast_malloc(&q->staging, &q->staging_size, (size_t)floats * sizeof(float));
    return q->staging ? 0 : AVERROR(ENOMEM);
}

static int32_t prepare_resampler(AudioQueue* q, const AVFrame* frame)
{
    AVChannelLayout layout = { 0 };
    /* Channels without positions are kept as they come: swr only needs some layout of that count. */
    int32_t ret = frame->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC
        ? (av_channel_layout_default(&layout, frame->ch_layout.nb_channels), 0)
        : av_channel_layout_copy(&layout, &frame->ch_layout);
    if (ret < 0)
        return ret;
    if (q->swr && q->rate == frame->sample_rate && q->format == frame->format && !av_channel_layout_compare(&q->layout, &layout)) {
        av_channel_layout_uninit(&layout);
        return 0;
    }
    swr_free(&q->swr);
    av_channel_layout_uninit(&q->layout);
    q->layout = layout;
    q->rate = frame->sample_rate;
    q->format = frame->format;
    /* Out layout = in layout: swr converts and resamples, it never mixes channels. */
    ret = swr_alloc_set_opts2(&q->swr, &layout, AV_SAMPLE_FMT_FLT, AUDIO_QUEUE_RATE,
        &layout, frame->format, frame->sample_rate, 0, NULL);
    if (ret >= 0)
        ret = swr_init(q->swr);
    if (ret < 0)
        swr_free(&q->swr);
    return ret;
}

/* Drops the queued samples before the target, once the queue's time is known. */
static void trim(AudioQueue* q)
{
    if (q->target_us == INT64_MIN)
        return;
    int64_t target = av_rescale_rnd(q->target_us, AUDIO_QUEUE_RATE, 1000000, AV_ROUND_UP);
    int64_t skip = FFMIN(target - q->head, av_audio_fifo_size(q->fifo));
    if (skip > 0) {
        av_audio_fifo_drain(q->fifo, (int)skip);
        q->head += skip;
    }
    if (q->head >= target)
        q->target_us = INT64_MIN;
}

static int32_t write_converted(AudioQueue* q, const uint8_t** in, int in_count)
{
    int out_count = swr_get_out_samples(q->swr, in_count);
    if (out_count < 0)
        return out_count;
    int32_t ret = ensure_staging(q, (int64_t)out_count * q->layout.nb_channels);
    if (ret < 0)
        return ret;
    uint8_t* out = (uint8_t*)q->staging;
    int converted = swr_convert(q->swr, &out, out_count, in, in_count);
    if (converted <= 0)
        return converted;
    ret = av_audio_fifo_write(q->fifo, (void**)&out, converted);
    return ret < 0 ? ret : 0;
}

int32_t audio_queue_push(AudioQueue* q, const AVFrame* frame, int64_t start_us)
{
    int channels = frame->ch_layout.nb_channels;
    /* Nothing a frame like that could be resampled from; a broken frame is skipped like a broken packet. */
    if (channels <= 0 || frame->sample_rate <= 0 || frame->nb_samples <= 0)
        return 1;
    if (q->target_us != INT64_MIN && start_us != AV_NOPTS_VALUE
        && start_us + av_rescale(frame->nb_samples, 1000000, frame->sample_rate) <= q->target_us)
        return 1;
    /* The fifo holds the source's channels: a new count waits until the old samples are out. */
    if (q->fifo && q->fifo_channels != channels) {
        if (av_audio_fifo_size(q->fifo) > 0)
            return 0;
        av_audio_fifo_free(q->fifo);
        q->fifo = NULL;
    }
    int32_t ret = prepare_resampler(q, frame);
    if (ret < 0)
        return ret;
    if (!q->fifo) {
        q->fifo = av_audio_fifo_alloc(AV_SAMPLE_FMT_FLT, channels, AUDIO_QUEUE_RATE / 10);
        if (!q->fifo)
            return AVERROR(ENOMEM);
        q->fifo_channels = channels;
    }
    if (!q->head_known) {
        q->head = start_us == AV_NOPTS_VALUE ? FFMAX(q->target_us, 0)
                                             : av_rescale(start_us, AUDIO_QUEUE_RATE, 1000000);
        q->head_known = 1;
    }
    ret = write_converted(q, (const uint8_t**)frame->extended_data, frame->nb_samples);
    if (ret < 0)
        return ret;
    trim(q);
    return 1;
}

int32_t audio_queue_drain_resampler(AudioQueue* q)
{
    if (!q->swr || !q->fifo)
        return 0;
    int32_t ret = write_converted(q, NULL, 0);
    if (ret == 0)
        trim(q);
    return ret;
}

int audio_queue_size(const AudioQueue* q)
{
    return q->fifo ? av_audio_fifo_size(q->fifo) : 0;
}

int32_t audio_queue_pop(AudioQueue* q, float* out, int32_t channels, int32_t capacity, int64_t* pts_us)
{
    int count = FFMIN(audio_queue_size(q), capacity);
    int in_channels = q->fifo_channels;
    *pts_us = av_rescale(q->head, 1000000, AUDIO_QUEUE_RATE);
    if (count <= 0)
        return 0;
    if (in_channels == channels) {
        int ret = av_audio_fifo_read(q->fifo, (void**)&out, count);
        if (ret < 0)
            return ret;
    } else {
        int32_t ret = ensure_staging(q, (int64_t)count * in_channels);
        if (ret < 0)
            return ret;
        ret = av_audio_fifo_read(q->fifo, (void**)&q->staging, count);
        if (ret < 0)
            return ret;
        int copied = FFMIN(in_channels, channels);
        for (int i = 0; i < count; i++) {
            memcpy(out + (size_t)i * channels, q->staging + (size_t)i * in_channels, (size_t)copied * sizeof(float));
            memset(out + (size_t)i * channels + copied, 0, (size_t)(channels - copied) * sizeof(float));
        }
    }
    q->head += count;
    return count;
}

void audio_queue_free(AudioQueue* q)
{
    swr_free(&q->swr);
    av_channel_layout_uninit(&q->layout);
    av_audio_fifo_free(q->fifo);
    q->fifo = NULL;
    av_freep(&q->staging);
    q->staging_size = 0;
}
