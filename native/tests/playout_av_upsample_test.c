/* 8-bit 4:2:0 to 10-bit 4:2:2 without swscale (src/upsample420.c, built in, not exported): every sample against a
 * reference that places each chroma line where MPEG-2/H.264 site it and interpolates linearly by distance, in
 * doubles; progressive and interlaced, odd widths, padded strides, small pictures; and the pairs it must leave to
 * swscale untouched. */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/upsample420.h"

static int failures;

#define CHECK(cond) do { if (!(cond)) { fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); failures++; } } while (0)

/* The 10-bit value of luma row y of one chroma plane (lines chroma lines), from where the 4:2:0 lines sit. */
static uint16_t reference(const uint8_t* plane, int stride, int lines, int x, int y, int interlaced)
{
    /* Positions in luma rows of the picture (progressive) or of the line's field (interlaced). */
    int field = interlaced ? y & 1 : 0, count = interlaced ? lines / 2 : lines;
    double row = interlaced ? y >> 1 : y, offset = interlaced ? (field ? 0.75 : 0.25) : 0.5;
    double value;
    int below = (int)floor((row - offset) / 2); /* the chroma line at or above the row */
    if (below < 0)
        below = -1;
    if (below < 0 || below >= count - 1) {
        int edge = below < 0 ? 0 : count - 1;
        value = plane[(ptrdiff_t)(interlaced ? 2 * edge + field : edge) * stride + x];
    } else {
        double t = (row - (2 * below + offset)) / 2;
        double a = plane[(ptrdiff_t)(interlaced ? 2 * below + field : below) * stride + x];
        double b = plane[(ptrdiff_t)(interlaced ? 2 * (below + 1) + field : below + 1) * stride + x];
        value = a * (1 - t) + b * t;
    }
    return (uint16_t)floor(value * 4 + 0.5);
}

static void check_size(int width, int height, int interlaced)
{
    int cw = (width + 1) / 2, ch = (height + 1) / 2, in_pad = 13, out_pad = 7;
    uint8_t* y8 = malloc((size_t)(width + in_pad) * height);
    uint8_t* c8[2] = { malloc((size_t)(cw + in_pad) * ch), malloc((size_t)(cw + in_pad) * ch) };
    uint16_t* y10 = malloc(sizeof(uint16_t) * (size_t)(width + out_pad) * height);
    uint16_t* c10[2] = { malloc(sizeof(uint16_t) * (size_t)(cw + out_pad) * height), malloc(sizeof(uint16_t) * (size_t)(cw + out_pad) * height) };
    for (int i = 0; i < (width + in_pad) * height; i++)
        y8[i] = (uint8_t)rand();
    for (int p = 0; p < 2; p++)
        for (int i = 0; i < (cw + in_pad) * ch; i++)
            c8[p][i] = (uint8_t)rand();
    Picture src = { .data = { y8, c8[0], c8[1] }, .strides = { width + in_pad, cw + in_pad, cw + in_pad },
        .width = width, .height = height, .format = AV_PIX_FMT_YUV420P, .range = AVCOL_RANGE_MPEG };
    Picture dst = { .data = { (uint8_t*)y10, (uint8_t*)c10[0], (uint8_t*)c10[1] },
        .strides = { 2 * (width + out_pad), 2 * (cw + out_pad), 2 * (cw + out_pad) },
        .width = width, .height = height, .format = AV_PIX_FMT_YUV422P10LE };
    CHECK(upsample420_run(&src, &dst, interlaced) == 1);
    int wrong = 0;
    for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++)
            wrong += y10[(ptrdiff_t)y * (width + out_pad) + x] != y8[(ptrdiff_t)y * (width + in_pad) + x] << 2;
        for (int p = 0; p < 2; p++)
            for (int x = 0; x < cw; x++) {
                uint16_t got = c10[p][(ptrdiff_t)y * (cw + out_pad) + x], want = reference(c8[p], cw + in_pad, ch, x, y, interlaced);
                if (got != want && wrong++ < 5)
                    fprintf(stderr, "%dx%d %s plane %d (%d, %d): %u, expected %u\n", width, height, interlaced ? "interlaced" : "progressive", p + 1, x, y, got, want);
            }
    }
    CHECK(wrong == 0);
    free(y8);
    free(c8[0]);
    free(c8[1]);
    free(y10);
    free(c10[0]);
    free(c10[1]);
}

/* Pairs it is not for: returns 0 and writes nothing. */
static void check_refused(enum AVPixelFormat in, enum AVColorRange range, enum AVPixelFormat out, int height, int dst_width, int interlaced)
{
    uint8_t plane[64 * 16];
    uint16_t target[64 * 16];
    memset(plane, 100, sizeof plane);
    memset(target, 0xAB, sizeof target);
    Picture src = { .data = { plane, plane, plane }, .strides = { 64, 64, 64 }, .width = 16, .height = height, .format = in, .range = range };
    Picture dst = { .data = { (uint8_t*)target, (uint8_t*)target, (uint8_t*)target }, .strides = { 64, 64, 64 },
        .width = dst_width, .height = height, .format = out };
    CHECK(upsample420_run(&src, &dst, interlaced) == 0);
    for (size_t i = 0; i < sizeof target / sizeof target[0]; i++)
        if (target[i] != 0xABAB) {
            CHECK(!"a refused pair wrote its output");
            break;
        }
}

int main(void)
{
    srand(1);
    const int sizes[][2] = { { 1920, 1080 }, { 1280, 720 }, { 720, 576 }, { 721, 8 }, { 7, 4 }, { 2, 2 } };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        for (int interlaced = 0; interlaced <= (sizes[i][1] % 4 == 0); interlaced++)
            check_size(sizes[i][0], sizes[i][1], interlaced);
    check_size(9, 7, 0); /* an odd height: the last 4:2:2 line has one 4:2:0 line */
    check_refused(AV_PIX_FMT_YUVJ420P, AVCOL_RANGE_JPEG, AV_PIX_FMT_YUV422P10LE, 8, 16, 0);
    check_refused(AV_PIX_FMT_YUV420P, AVCOL_RANGE_JPEG, AV_PIX_FMT_YUV422P10LE, 8, 16, 0);
    check_refused(AV_PIX_FMT_YUV422P, AVCOL_RANGE_MPEG, AV_PIX_FMT_YUV422P10LE, 8, 16, 0);
    check_refused(AV_PIX_FMT_YUV420P, AVCOL_RANGE_MPEG, AV_PIX_FMT_YUV422P, 8, 16, 0);
    check_refused(AV_PIX_FMT_YUV420P, AVCOL_RANGE_MPEG, AV_PIX_FMT_YUV422P10LE, 8, 14, 0); /* scaled */
    check_refused(AV_PIX_FMT_YUV420P, AVCOL_RANGE_MPEG, AV_PIX_FMT_YUV422P10LE, 6, 16, 1); /* fields of odd chroma lines */
    if (failures)
        fprintf(stderr, "%d check(s) failed\n", failures);
    else
        printf("upsample420: all checks passed\n");
    return failures ? 1 : 0;
}
