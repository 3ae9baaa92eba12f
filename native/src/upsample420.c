#include "upsample420.h"

#include <libavutil/common.h>

/* d = round(x · (wa·a + wb·b) / 8) with x = 4 (8 to 10 bits): (wa·a + wb·b + 1) >> 1, for wa + wb = 8. A plain loop
 * the compiler vectorises. */
static void blend(uint16_t* restrict d, const uint8_t* restrict a, const uint8_t* restrict b, int wa, int wb, int n)
{
    for (int x = 0; x < n; x++)
        d[x] = (uint16_t)((wa * a[x] + wb * b[x] + 1) >> 1);
}

static void widen(uint16_t* restrict d, const uint8_t* restrict s, int n)
{
    for (int x = 0; x < n; x++)
        d[x] = (uint16_t)(s[x] << 2);
}

/* 4:2:2 line y (of height lines) of one chroma plane, from the 4:2:0 plane of chroma_lines lines. */
static void chroma_line(const Picture* src, const Picture* dst, int plane, int y, int chroma_lines, int width, int interlaced)
{
    const uint8_t* in = src->data[plane];
    int stride = src->strides[plane];
    uint16_t* out = (uint16_t*)(dst->data[plane] + (ptrdiff_t)y * dst->strides[plane]);
    if (!interlaced) {
        /* Chroma line j sits between luma lines 2j and 2j + 1. */
        int j = y >> 1, k = y & 1 ? FFMIN(j + 1, chroma_lines - 1) : FFMAX(j - 1, 0);
        blend(out, in + (ptrdiff_t)j * stride, in + (ptrdiff_t)k * stride, 6, 2, width);
        return;
    }
    /* In field f (every other line from line f), field chroma line j sits a quarter (top) or three quarters (bottom)
     * of the way from field luma line 2j to 2j + 1. */
    int field = y & 1, row = y >> 1, j = row >> 1, field_lines = chroma_lines / 2;
    int near = row & 1 ? (field ? 7 : 5) : (field ? 5 : 7);
    int k = row & 1 ? FFMIN(j + 1, field_lines - 1) : FFMAX(j - 1, 0);
    blend(out, in + (ptrdiff_t)(2 * j + field) * stride, in + (ptrdiff_t)(2 * k + field) * stride, near, 8 - near, width);
}

int upsample420_run(const Picture* src, const Picture* dst, int interlaced)
{
    if (src->format != AV_PIX_FMT_YUV420P || src->range == AVCOL_RANGE_JPEG || dst->format != AV_PIX_FMT_YUV422P10LE
        || src->width != dst->width || src->height != dst->height || src->height < 2)
        return 0;
    /* Fields need whole chroma line pairs; an interlaced picture of another height goes through swscale. */
    if (interlaced && src->height % 4 != 0)
        return 0;
    int width = src->width, height = src->height, chroma_width = (width + 1) / 2, chroma_lines = (height + 1) / 2;
    for (int y = 0; y < height; y++) {
        widen((uint16_t*)(dst->data[0] + (ptrdiff_t)y * dst->strides[0]), src->data[0] + (ptrdiff_t)y * src->strides[0], width);
        for (int plane = 1; plane <= 2; plane++)
            chroma_line(src, dst, plane, y, chroma_lines, chroma_width, interlaced);
    }
    return 1;
}
