#include "ts_filter.h"

#include <string.h>

/* CRC-32/MPEG-2: polynomial 0x04C11DB7, initial 0xFFFFFFFF, MSB first, no final XOR. */
uint32_t ts_crc32(const uint8_t* data, int size)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (int i = 0; i < size; i++) {
        crc ^= (uint32_t)data[i] << 24;
        for (int bit = 0; bit < 8; bit++)
            crc = crc & 0x80000000u ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
    }
    return crc;
}

void ts_filter_init(TsFilter* f, int scte35_pid, int eit)
{
    memset(f, 0, sizeof *f);
    f->scte35_pid = scte35_pid;
    f->eit = eit;
    f->pmt_pid = -1;
    f->first_video_pts = -1;
    f->service_id = f->transport_stream_id = f->original_network_id = -1;
}

static int packet_pid(const uint8_t* p)
{
    return ((p[1] & 0x1F) << 8) | p[2];
}

/* Offset of the payload in a packet, or -1 when it has none. */
static int payload_offset(const uint8_t* p)
{
    int control = (p[3] >> 4) & 3;
    if (!(control & 1))
        return -1;
    int at = 4;
    if (control & 2)
        at += 1 + p[4];
    return at < TS_PACKET_SIZE ? at : -1;
}

static void put_crc(uint8_t* at, uint32_t crc)
{
    at[0] = (uint8_t)(crc >> 24);
    at[1] = (uint8_t)(crc >> 16);
    at[2] = (uint8_t)(crc >> 8);
    at[3] = (uint8_t)crc;
}

/* The section that starts in this packet (PUSI set), and its length, or NULL. */
static uint8_t* section_start(uint8_t* p, int* length)
{
    if (!(p[1] & 0x40))
        return NULL;
    int at = payload_offset(p);
    if (at < 0)
        return NULL;
    at += 1 + p[at]; /* pointer_field */
    if (at + 3 > TS_PACKET_SIZE)
        return NULL;
    int total = 3 + (((p[at + 1] & 0x0F) << 8) | p[at + 2]);
    if (at + total > TS_PACKET_SIZE || total < 12)
        return NULL;
    *length = total;
    return p + at;
}

static void read_pat(TsFilter* f, uint8_t* p)
{
    int length;
    uint8_t* s = section_start(p, &length);
    if (!s || s[0] != 0x00)
        return;
    /* Header 8 bytes, then 4-byte entries (program_number, PID) up to the CRC; program 0 is the network PID. */
    for (int at = 8; at + 4 <= length - 4; at += 4) {
        int program = (s[at] << 8) | s[at + 1];
        if (program != 0) {
            f->pmt_pid = ((s[at + 2] & 0x1F) << 8) | s[at + 3];
            return;
        }
    }
}

/* registration_descriptor("CUEI") for the program_info loop; SCTE 35 asks for it there, and FFmpeg's demuxer only
 * takes stream_type 0x86 as SCTE-35 with it. */
static const uint8_t registration[6] = { 0x05, 0x04, 'C', 'U', 'E', 'I' };
/* cue_identifier_descriptor: cue_stream_type 0x01, all commands. */
static const uint8_t cue_identifier[3] = { 0x8A, 0x01, 0x01 };
#define PMT_GROWTH (int)(sizeof registration + 5 + sizeof cue_identifier)

static void rewrite_pmt(TsFilter* f, uint8_t* p)
{
    int length;
    uint8_t* s = section_start(p, &length);
    if (!s || s[0] != 0x02 || ts_crc32(s, length) != 0) {
        f->pmt_failed++;
        return;
    }
    int room = TS_PACKET_SIZE - (int)(s - p) - length;
    if (room < PMT_GROWTH) {
        f->pmt_failed++;
        return;
    }
    /* PMT: table_id, section_length (2), program_number (2), version (1), section numbers (2), PCR_PID (2),
     * program_info_length (2), descriptors, ES loop, CRC. */
    int info_length = ((s[10] & 0x0F) << 8) | s[11];
    int es_start = 12 + info_length;
    int es_end = length - 4;
    if (es_start > es_end) {
        f->pmt_failed++;
        return;
    }
    for (int at = es_start; at + 5 <= es_end; at += 5 + (((s[at + 3] & 0x0F) << 8) | s[at + 4])) {
        int pid = ((s[at + 1] & 0x1F) << 8) | s[at + 2];
        if (pid == f->scte35_pid) {
            f->pid_conflict = 1;
            f->pmt_failed++;
            return;
        }
    }
    uint8_t out[TS_PACKET_SIZE];
    int n = 0;
    memcpy(out, s, 12);
    n = 12;
    memcpy(out + n, s + 12, info_length);
    n += info_length;
    memcpy(out + n, registration, sizeof registration);
    n += sizeof registration;
    memcpy(out + n, s + es_start, es_end - es_start);
    n += es_end - es_start;
    out[n++] = 0x86;
    out[n++] = (uint8_t)(0xE0 | (f->scte35_pid >> 8));
    out[n++] = (uint8_t)f->scte35_pid;
    out[n++] = 0xF0;
    out[n++] = sizeof cue_identifier;
    memcpy(out + n, cue_identifier, sizeof cue_identifier);
    n += sizeof cue_identifier;
    n += 4;
    int section_length = n - 3;
    int new_info = info_length + (int)sizeof registration;
    out[1] = (uint8_t)((out[1] & 0xF0) | (section_length >> 8));
    out[2] = (uint8_t)section_length;
    out[10] = (uint8_t)((out[10] & 0xF0) | (new_info >> 8));
    out[11] = (uint8_t)new_info;
    put_crc(out + n - 4, ts_crc32(out, n - 4));
    memcpy(s, out, n);
    /* What followed the section (stuffing) is 0xFF again. */
    memset(s + n, 0xFF, TS_PACKET_SIZE - (int)(s - p) - n);
    f->pmt_rewritten++;
}

/* SDT (actual): table_id 0x42, section_length, transport_stream_id, version, section numbers, original_network_id,
 * a reserved byte; then per service service_id, a flags byte (EIT_schedule_flag, EIT_present_following_flag in its
 * last two bits), running status and descriptors. The muxer writes no EIT and says so; with EIT on, each service
 * says it has present/following. */
static void rewrite_sdt(TsFilter* f, uint8_t* p)
{
    int length;
    uint8_t* s = section_start(p, &length);
    if (!s || s[0] != 0x42 || ts_crc32(s, length) != 0) {
        f->sdt_failed++;
        return;
    }
    for (int at = 11; at + 5 <= length - 4; at += 5 + (((s[at + 3] & 0x0F) << 8) | s[at + 4])) {
        if (f->service_id < 0) {
            f->service_id = (s[at] << 8) | s[at + 1];
            f->transport_stream_id = (s[3] << 8) | s[4];
            f->original_network_id = (s[8] << 8) | s[9];
        }
        s[at + 2] |= 0x01;
    }
    put_crc(s + length - 4, ts_crc32(s, length - 4));
    f->sdt_rewritten++;
}

static void read_pes(TsFilter* f, const uint8_t* p)
{
    if (!(p[1] & 0x40) || f->first_video_pts >= 0)
        return;
    int at = payload_offset(p);
    if (at < 0 || at + 14 > TS_PACKET_SIZE)
        return;
    const uint8_t* pes = p + at;
    if (pes[0] != 0 || pes[1] != 0 || pes[2] != 1 || (pes[3] & 0xF0) != 0xE0 || !(pes[7] & 0x80))
        return;
    const uint8_t* t = pes + 9;
    f->first_video_pts = ((int64_t)((t[0] >> 1) & 7) << 30) | ((int64_t)t[1] << 22) | ((int64_t)(t[2] >> 1) << 15)
        | ((int64_t)t[3] << 7) | (t[4] >> 1);
}

int ts_filter_packet(TsFilter* f, uint8_t packet[TS_PACKET_SIZE])
{
    if (packet[0] != 0x47)
        return -1;
    int pid = packet_pid(packet);
    if (pid == 0)
        read_pat(f, packet);
    else if (pid == TS_SDT_PID) {
        if (f->eit)
            rewrite_sdt(f, packet);
    } else if (pid == f->pmt_pid) {
        if (f->scte35_pid > 0)
            rewrite_pmt(f, packet);
    } else if (pid != f->scte35_pid && pid != TS_EIT_PID && pid != 0x1FFF)
        read_pes(f, packet);
    return 0;
}

int ts_section_packets(int size)
{
    /* One byte of pointer_field in the first packet, 184 payload bytes in each. */
    return (size + 1 + 183) / 184;
}

int ts_packetize_section(TsFilter* f, int pid, const uint8_t* section, int size, uint8_t* out, int out_size)
{
    int count = ts_section_packets(size);
    if (size <= 0 || count * TS_PACKET_SIZE > out_size)
        return -1;
    int* cc = pid == TS_EIT_PID ? &f->eit_cc : &f->cc;
    int done = 0;
    for (int i = 0; i < count; i++) {
        uint8_t* p = out + i * TS_PACKET_SIZE;
        p[0] = 0x47;
        p[1] = (uint8_t)((i == 0 ? 0x40 : 0) | (pid >> 8));
        p[2] = (uint8_t)pid;
        p[3] = (uint8_t)(0x10 | *cc); /* payload only */
        *cc = (*cc + 1) & 0x0F;
        int at = 4;
        if (i == 0)
            p[at++] = 0; /* pointer_field: the section starts right after it */
        int n = size - done < TS_PACKET_SIZE - at ? size - done : TS_PACKET_SIZE - at;
        memcpy(p + at, section + done, n);
        done += n;
        memset(p + at + n, 0xFF, TS_PACKET_SIZE - at - n);
    }
    return count * TS_PACKET_SIZE;
}
