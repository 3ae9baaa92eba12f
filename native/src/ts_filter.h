/* MPEG-TS packet filter for SCTE-35 carriage: learns the PMT PID from the PAT, adds an SCTE-35 stream
 * (stream_type 0x86, registration descriptor "CUEI") to every PMT, finds the first video PTS the muxer wrote,
 * and cuts sections into TS packets on the SCTE-35 PID. Plain C, no FFmpeg, so the C tests can build it in. */
#ifndef PLAYOUT_AV_TS_FILTER_H
#define PLAYOUT_AV_TS_FILTER_H

#include <stdint.h>

#define TS_PACKET_SIZE 188
#define TS_PTS_MASK ((INT64_C(1) << 33) - 1)

typedef struct {
    int scte35_pid;
    int pmt_pid;              /* -1 until a PAT was seen */
    int cc;                   /* continuity counter of the next SCTE-35 packet */
    int64_t first_video_pts;  /* PTS of the first video PES (stream_id 0xE0-0xEF) written, -1 until then */
    int pmt_rewritten;        /* PMT packets rewritten so far */
    int pmt_failed;           /* PMT packets left as they were (did not fit one packet, PID taken, ...) */
    int pid_conflict;         /* the PMT already lists scte35_pid */
} TsFilter;

uint32_t ts_crc32(const uint8_t* data, int size);

void ts_filter_init(TsFilter* f, int scte35_pid);

/* Looks at (and for a PMT rewrites) one whole packet in place. Returns 0, or -1 when the packet is not a TS packet. */
int ts_filter_packet(TsFilter* f, uint8_t packet[TS_PACKET_SIZE]);

/* Packets needed for a section of size bytes. */
int ts_section_packets(int size);

/* Cuts one complete section into TS packets on the SCTE-35 PID (pointer_field 0 in the first, 0xFF stuffing
 * after the section, continuity counter running on) into out; returns the bytes written, or -1 when out_size is
 * too small. */
int ts_packetize_section(TsFilter* f, const uint8_t* section, int size, uint8_t* out, int out_size);

#endif
