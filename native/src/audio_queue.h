/* The decoded audio of a source on its way to the caller: resampled to 48 kHz interleaved float in the
 * source's own channels, queued, trimmed to a start time, and handed out in the caller's channel count. */
#ifndef PLAYOUT_AV_AUDIO_QUEUE_H
#define PLAYOUT_AV_AUDIO_QUEUE_H

#include <stdint.h>

#include <libavutil/audio_fifo.h>
#include <libavutil/channel_layout.h>
#include <libavutil/frame.h>
#include <libswresample/swresample.h>

#define AUDIO_QUEUE_RATE 48000

typedef struct {
    SwrContext* swr;
    /* What swr was made for, so a stream that changes format mid-way gets a new one. */
    AVChannelLayout layout;
    int rate;
    int format;
    AVAudioFifo* fifo;
    int fifo_channels;
    float* staging;                /* swr output, and the source channels on their way to the caller's */
    unsigned staging_size;
    int64_t head;                  /* the fifo's first sample, in 48 kHz samples from the source's origin */
    int head_known;
    int64_t target_us;             /* samples before this time are dropped; INT64_MIN: none */
} AudioQueue;

/* Empties the queue for a new start (open or seek): samples before target_us (INT64_MIN: none) are dropped,
 * and the next queued frame's time sets the queue's time. */
void audio_queue_reset(AudioQueue* queue, int64_t target_us);

/* Queues a decoded frame whose first sample is at start_us from the origin (AV_NOPTS_VALUE: right after
 * the previous one). Returns 1 when the frame was queued or dropped (wholly before the target), 0 when it
 * has another channel count and must wait until the queue is empty, or a negative error. */
int32_t audio_queue_push(AudioQueue* queue, const AVFrame* frame, int64_t start_us);

/* Queues what the resampler still holds, at the end of the stream. */
int32_t audio_queue_drain_resampler(AudioQueue* queue);

int audio_queue_size(const AudioQueue* queue);

/* Moves up to capacity sample frames to out, `channels` floats each: source channel c to output channel c,
 * silence in the output channels past the source's. Returns the count; *pts_us gets the first one's time. */
int32_t audio_queue_pop(AudioQueue* queue, float* out, int32_t channels, int32_t capacity, int64_t* pts_us);

void audio_queue_free(AudioQueue* queue);

#endif
