/* Smoke test of the C ABI itself; the byte-exact comparisons with the ffmpeg CLI live in
 * tests/Playout.Interop.Tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "playout_av.h"

static int failures;

#define CHECK(cond) do { if (!(cond)) { fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); failures++; } } while (0)

enum { W = 62, H = 4, Y_STRIDE = 128, C_STRIDE = 64 };
/* 62 pixels: two 48-pixel v210 blocks, or 31 five-byte pgroups. */
enum { V210_SIZE = 256 * H, BITPACKED_SIZE = 155 * H };
enum { Y_SIZE = Y_STRIDE * H + PLAYOUT_AV_PADDING, C_SIZE = C_STRIDE * H + PLAYOUT_AV_PADDING };

static void test_library(void)
{
    char buf[256];
    CHECK(PlayoutAv_AbiVersion() == PLAYOUT_AV_ABI_VERSION);
    CHECK(PlayoutAv_FfmpegVersion(buf, sizeof buf) == 0 && buf[0] != '\0');
    CHECK(PlayoutAv_ErrorString(PLAYOUT_AV_EODDWIDTH, buf, sizeof buf) == 0 && strstr(buf, "even"));
    CHECK(PlayoutAv_ErrorString(PLAYOUT_AV_EODDWIDTH, buf, 5) == 0 && strlen(buf) == 4);
    CHECK(PlayoutAv_ErrorString(-22, buf, sizeof buf) == 0 && strstr(buf, "Invalid argument"));
    CHECK(PlayoutAv_ErrorString(-22, NULL, 10) == PLAYOUT_AV_ENULL);
}

static void test_arguments(void)
{
    PlayoutAvPackedEncoder* encoder;
    PlayoutAvScaler* scaler;
    CHECK(PlayoutAv_PackedEncoderOpen(PLAYOUT_AV_PACKED_V210, 3, 2, &encoder) == PLAYOUT_AV_EODDWIDTH && encoder == NULL);
    CHECK(PlayoutAv_PackedEncoderOpen(PLAYOUT_AV_PACKED_BITPACKED, 3, 2, &encoder) == PLAYOUT_AV_EODDWIDTH);
    CHECK(PlayoutAv_PackedEncoderOpen(PLAYOUT_AV_PACKED_V210, 0, 2, &encoder) == PLAYOUT_AV_EDIMENSIONS);
    CHECK(PlayoutAv_PackedEncoderOpen(0, 8, 4, &encoder) == PLAYOUT_AV_EPACKEDCODEC && encoder == NULL);
    CHECK(PlayoutAv_PackedEncoderOpen(3, 8, 4, &encoder) == PLAYOUT_AV_EPACKEDCODEC);
    /* 10240 x 10486 is within FFmpeg's image size check but its 20-bit pixels overflow bitpacked's int bit count. */
    CHECK(PlayoutAv_PackedEncoderOpen(PLAYOUT_AV_PACKED_BITPACKED, 10240, 10486, &encoder) == PLAYOUT_AV_EDIMENSIONS);
    PlayoutAvPackedDecoder* decoder;
    CHECK(PlayoutAv_PackedDecoderOpen(PLAYOUT_AV_PACKED_V210, 8, 3, &decoder) == PLAYOUT_AV_EV210HEIGHT && decoder == NULL);
    CHECK(PlayoutAv_PackedDecoderOpen(PLAYOUT_AV_PACKED_BITPACKED, 8, 4, NULL) == PLAYOUT_AV_ENULL);
    CHECK(PlayoutAv_PackedDecoderOpen(-1, 8, 4, &decoder) == PLAYOUT_AV_EPACKEDCODEC && decoder == NULL);
    CHECK(PlayoutAv_ScalerOpen(8, 8, "nope", 8, 8, "bgra", 0x10, &scaler) == PLAYOUT_AV_EPIXFMT && scaler == NULL);
    CHECK(PlayoutAv_ScalerOpen(8, 8, "pal8", 8, 8, "bgra", 0x10, &scaler) == PLAYOUT_AV_EPIXFMTUNSUPPORTED);
    CHECK(PlayoutAv_ScalerOpen(8, 8, "uyvy422", 8, 8, "bgra", 0x10 | 0x2, &scaler) == PLAYOUT_AV_ESCALER);
    CHECK(PlayoutAv_PackedEncoderClose(NULL) == 0);
    CHECK(PlayoutAv_PackedDecoderClose(NULL) == 0);
}

/* Encodes a known picture, decodes it again and expects the same samples back; size is codec's frame size. */
static void test_round_trip(int32_t codec, int size)
{
    uint16_t* in[3];
    uint16_t* out[3];
    const int strides[3] = { Y_STRIDE, C_STRIDE, C_STRIDE };
    const int sizes[3] = { Y_SIZE, C_SIZE, C_SIZE };
    for (int p = 0; p < 3; p++) {
        in[p] = calloc(1, (size_t)sizes[p]);
        out[p] = aligned_alloc(PLAYOUT_AV_ALIGNMENT, (size_t)sizes[p]);
        for (int i = 0; i < sizes[p] / 2; i++)
            in[p][i] = (uint16_t)(4 + (i * 37 + p * 101) % 1016); /* inside v210's 4..1019 */
    }
    uint8_t* packed = malloc((size_t)size + PLAYOUT_AV_PADDING);
    memset(packed, 0xAA, (size_t)size + PLAYOUT_AV_PADDING);

    PlayoutAvPackedEncoder* encoder;
    PlayoutAvPackedDecoder* decoder;
    CHECK(PlayoutAv_PackedEncoderOpen(codec, W, H, &encoder) == 0);
    CHECK(PlayoutAv_PackedDecoderOpen(codec, W, H, &decoder) == 0);
    CHECK(PlayoutAv_PackedEncode(encoder, (uint8_t*)in[0], strides[0], sizes[0], (uint8_t*)in[1], strides[1], sizes[1],
        (uint8_t*)in[2], strides[2], sizes[2], packed, size - 1) == PLAYOUT_AV_EFRAMESIZE);
    CHECK(PlayoutAv_PackedEncode(encoder, (uint8_t*)in[0], strides[0], sizes[0], (uint8_t*)in[1], strides[1], sizes[1],
        (uint8_t*)in[2], strides[2], sizes[2], packed, size + PLAYOUT_AV_PADDING) == 0);
    /* Written in place: FFmpeg zeroed the padding after the packet. */
    CHECK(packed[size] == 0 && packed[size + PLAYOUT_AV_PADDING - 1] == 0);

    CHECK(PlayoutAv_PackedDecode(decoder, packed, size, (uint8_t*)out[0], strides[0], sizes[0],
        (uint8_t*)out[1], strides[1], sizes[1], (uint8_t*)out[2], strides[2], sizes[2]) == 0);
    for (int p = 0; p < 3; p++)
        for (int line = 0; line < H; line++)
            CHECK(memcmp(in[p] + line * strides[p] / 2, out[p] + line * strides[p] / 2, p == 0 ? W * 2 : W) == 0);

    CHECK(PlayoutAv_PackedDecode(decoder, packed, size, (uint8_t*)out[0] + 2, strides[0], sizes[0] - 2,
        (uint8_t*)out[1], strides[1], sizes[1], (uint8_t*)out[2], strides[2], sizes[2]) == PLAYOUT_AV_EALIGN);
    CHECK(PlayoutAv_PackedDecode(decoder, packed, size, (uint8_t*)out[0], strides[0], sizes[0],
        (uint8_t*)out[0], strides[1], sizes[1], (uint8_t*)out[2], strides[2], sizes[2]) == PLAYOUT_AV_EOVERLAP);
    CHECK(PlayoutAv_PackedDecode(decoder, packed, size, (uint8_t*)out[0], strides[0], Y_STRIDE * (H - 1) + W * 2 + PLAYOUT_AV_PADDING - 1,
        (uint8_t*)out[1], strides[1], sizes[1], (uint8_t*)out[2], strides[2], sizes[2]) == PLAYOUT_AV_EPLANESIZE);

    PlayoutAv_PackedEncoderClose(encoder);
    PlayoutAv_PackedDecoderClose(decoder);
    free(packed);
    for (int p = 0; p < 3; p++) {
        free(in[p]);
        free(out[p]);
    }
}

int main(void)
{
    test_library();
    test_arguments();
    test_round_trip(PLAYOUT_AV_PACKED_V210, V210_SIZE);
    test_round_trip(PLAYOUT_AV_PACKED_BITPACKED, BITPACKED_SIZE);
    if (failures == 0)
        puts("playout_av_test: all checks passed");
    return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
