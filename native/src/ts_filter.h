/* MPEG-TS packet filter for SCTE-35 and DVB EIT carriage: learns the PMT PID from the PAT, adds an SCTE-35 stream
 * (stream_type 0x86, registration descriptor "CUEI") to every PMT, marks every SDT's services as carrying EIT
 * present/following (and notes their ids), finds the first video PTS the muxer wrote, and cuts sections into TS
 * packets on the SCTE-35 PID or the EIT PID. Plain C, no FFmpeg, so the C tests can build it in. */
#ifndef PLAYOUT_AV_TS_FILTER_H
#define PLAYOUT_AV_TS_FILTER_H

#include <stdint.h>

#define TS_PACKET_SIZE 188
#define TS_PTS_MASK ((INT64_C(1) << 33) - 1)
#define TS_SDT_PID 0x11
#define TS_EIT_PID 0x12

typedef struct {
    int scte35_pid;           /* 0: no SCTE-35 stream added */
    int eit;                  /* nonzero: SDTs say EIT present/following is carried */
    int pmt_pid;              /* -1 until a PAT was seen */
    int cc;                   /* continuity counter of the next SCTE-35 packet */
    int eit_cc;               /* continuity counter of the next EIT packet */
    int64_t first_video_pts;  /* PTS of the first video PES (stream_id 0xE0-0xEF) written, -1 until then */
    int pmt_rewritten;        /* PMT packets rewritten so far */
    int pmt_failed;           /* PMT packets left as they were (did not fit one packet, PID taken, ...) */
    int pid_conflict;         /* the PMT already lists scte35_pid */
    int sdt_rewritten;        /* SDT packets marked as carrying EIT present/following */
    int sdt_failed;           /* SDT packets left as they were (not whole in one packet, bad CRC) */
    int service_id;           /* the first service of the first SDT marked, and its stream's ids; -1 until then */
    int transport_stream_id;
    int original_network_id;
} TsFilter;

uint32_t ts_crc32(const uint8_t* data, int size);

void ts_filter_init(TsFilter* f, int scte35_pid, int eit);

/* Looks at (and for a PMT or an SDT rewrites) one whole packet in place. Returns 0, or -1 when the packet is not a TS packet. */
int ts_filter_packet(TsFilter* f, uint8_t packet[TS_PACKET_SIZE]);

/* Packets needed for a section of size bytes. */
int ts_section_packets(int size);

/* Cuts one complete section into TS packets on pid (the SCTE-35 PID or TS_EIT_PID: pointer_field 0 in the first,
 * 0xFF stuffing after the section, that PID's continuity counter running on) into out; returns the bytes written,
 * or -1 when out_size is too small. */
int ts_packetize_section(TsFilter* f, int pid, const uint8_t* section, int size, uint8_t* out, int out_size);

#endif
