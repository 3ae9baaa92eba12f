/* The "key=value:key=value" option strings of the ABI, as AVDictionary. */
#ifndef PLAYOUT_AV_OPTIONS_H
#define PLAYOUT_AV_OPTIONS_H

#include <stdint.h>

#include <libavutil/dict.h>

/* Parses text (NULL or "" for none) into *dict. A value holding ':' is quoted ('a:b') or escaped (a\:b).
 * PLAYOUT_AV_EOPTION when text is malformed; *dict is then freed. */
int32_t options_parse(const char* text, AVDictionary** dict);

/* FFmpeg's *_open calls remove the entries they take: anything left was taken by nobody. */
int32_t options_check_taken(const AVDictionary* dict);

#endif
