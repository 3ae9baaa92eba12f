#include "options.h"

#include <libavutil/error.h>

#include "playout_av.h"

int32_t options_parse(const char* text, AVDictionary** dict)
{
    *dict = NULL;
    if (!text || !*text)
        return 0;
    int ret = av_dict_parse_string(dict, text, "=", ":", 0);
    if (ret < 0) {
        av_dict_free(dict);
        return ret == AVERROR(ENOMEM) ? ret : PLAYOUT_AV_EOPTION;
    }
    return 0;
}

int32_t options_check_taken(const AVDictionary* dict)
{
    return av_dict_count(dict) > 0 ? PLAYOUT_AV_EOPTION : 0;
}
