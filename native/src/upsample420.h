/* 8-bit 4:2:0 to 10-bit 4:2:2 of the same size without swscale: what nearly every H.264 and HEVC file decodes to
 * on its way to a channel, where swscale costs more than half as much as decoding the picture. */
#ifndef PLAYOUT_AV_UPSAMPLE420_H
#define PLAYOUT_AV_UPSAMPLE420_H

#include "convert.h"

/* Converts src (yuv420p, limited range) into dst (yuv422p10le, the same width and height) and returns 1; returns 0,
 * touching nothing, for any other pair. Luma is scaled by 4. Each 4:2:2 chroma line is interpolated from the two
 * nearest 4:2:0 chroma lines where MPEG-2, H.264 and HEVC site them (type 0 / left, vertically between lines):
 * a progressive picture weighs them 3/4 and 1/4; an interlaced one (a height that is a multiple of 4) is done
 * field by field, so the fields' colours never mix, with weights 7/8 and 1/8 or 5/8 and 3/8 by the line's place
 * in its field. Results are rounded half up; lines at the top and bottom repeat their edge chroma line. */
int upsample420_run(const Picture* src, const Picture* dst, int interlaced);

#endif
