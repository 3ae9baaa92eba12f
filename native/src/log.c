#include <stdarg.h>
#include <stdatomic.h>
#include <string.h>

#include <libavutil/log.h>

#include "playout_av.h"

static _Atomic(PlayoutAvLogCallback) forward;
static atomic_int forward_level;

/* FFmpeg keeps whether the next piece starts a line (and so gets the "[codec @ 0x...]" prefix) in the
 * caller's variable; one per thread keeps threads' lines apart. */
static _Thread_local int print_prefix = 1;

static void log_line(void* context, int level, const char* format, va_list arguments)
{
    PlayoutAvLogCallback callback = atomic_load(&forward);
    if (!callback || level > atomic_load(&forward_level))
        return;
    char line[1024];
    av_log_format_line2(context, level, format, arguments, line, sizeof line, &print_prefix);
    size_t length = strlen(line);
    while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r'))
        line[--length] = '\0';
    if (length > 0)
        callback(level, line);
}

int32_t PlayoutAv_SetLog(PlayoutAvLogCallback callback, int32_t max_level)
{
    atomic_store(&forward_level, max_level);
    atomic_store(&forward, callback);
    av_log_set_callback(callback ? log_line : av_log_default_callback);
    return 0;
}
