/* SCTE-35 carriage: the TS packet filter on hand-made packets (PAT, PMT, PES, section packetisation), then a
 * real mpegts sink with an SCTE-35 PID whose file is parsed back here; timed ID3 metadata and DVB EIT likewise. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "playout_av.h"
#include "../src/ts_filter.h"

static int failures;

#define CHECK(cond) do { if (!(cond)) { fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); failures++; } } while (0)
#define CHECK_EQ(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); if (a_ != b_) { \
    fprintf(stderr, "%s:%d: %s == %lld, expected %s == %lld\n", __FILE__, __LINE__, #a, a_, #b, b_); failures++; } } while (0)

enum { SCTE35_PID = 500 };
#define AVERROR_INVALIDDATA_CODE (-0x41444E49) /* FFERRTAG('I', 'N', 'D', 'A') */

static int pid_of(const uint8_t* p) { return ((p[1] & 0x1F) << 8) | p[2]; }

/* A packet holding one section (PUSI, pointer_field 0, stuffing) with its CRC filled in. */
static void section_packet(uint8_t* p, int pid, uint8_t* section, int size)
{
    memset(p, 0xFF, TS_PACKET_SIZE);
    p[0] = 0x47;
    p[1] = (uint8_t)(0x40 | pid >> 8);
    p[2] = (uint8_t)pid;
    p[3] = 0x10;
    p[4] = 0;
    section[1] = (uint8_t)(0xB0 | (size - 3) >> 8);
    section[2] = (uint8_t)(size - 3);
    uint32_t crc = ts_crc32(section, size - 4);
    section[size - 4] = (uint8_t)(crc >> 24);
    section[size - 3] = (uint8_t)(crc >> 16);
    section[size - 2] = (uint8_t)(crc >> 8);
    section[size - 1] = (uint8_t)crc;
    memcpy(p + 5, section, size);
}

/* Finds stream_type 0x86 on SCTE35_PID and the "CUEI" registration in a PMT section; checks its CRC. */
static int pmt_has_scte35(const uint8_t* s, int* registered)
{
    int length = 3 + (((s[1] & 0x0F) << 8) | s[2]);
    if (s[0] != 0x02 || ts_crc32(s, length) != 0)
        return 0;
    int info = ((s[10] & 0x0F) << 8) | s[11];
    *registered = 0;
    for (int at = 12; at + 2 <= 12 + info; at += 2 + s[at + 1])
        if (s[at] == 0x05 && s[at + 1] == 4 && memcmp(s + at + 2, "CUEI", 4) == 0)
            *registered = 1;
    for (int at = 12 + info; at + 5 <= length - 4; at += 5 + (((s[at + 3] & 0x0F) << 8) | s[at + 4]))
        if (s[at] == 0x86 && (((s[at + 1] & 0x1F) << 8) | s[at + 2]) == SCTE35_PID)
            return 1;
    return 0;
}

static void test_filter(void)
{
    static const char check[] = "123456789";
    CHECK_EQ(ts_crc32((const uint8_t*)check, 9), 0x0376E6E7);

    TsFilter f;
    ts_filter_init(&f, SCTE35_PID, 0);
    uint8_t pat[TS_PACKET_SIZE], pmt[TS_PACKET_SIZE];
    /* PAT: transport_stream_id 1, program 1 on PID 0x1000. */
    uint8_t pat_section[16] = { 0x00, 0, 0, 0x00, 0x01, 0xC1, 0, 0, 0x00, 0x01, 0xF0, 0x00 };
    section_packet(pat, 0, pat_section, sizeof pat_section);
    /* PMT of program 1: PCR on 0x100, h264 on 0x100, aac (ADTS) on 0x101 with a language descriptor. */
    uint8_t pmt_section[] = { 0x02, 0, 0, 0x00, 0x01, 0xC1, 0, 0, 0xE1, 0x00, 0xF0, 0x00,
        0x1B, 0xE1, 0x00, 0xF0, 0x00,
        0x0F, 0xE1, 0x01, 0xF0, 0x06, 0x0A, 0x04, 'e', 'n', 'g', 0,
        0, 0, 0, 0 };
    section_packet(pmt, 0x1000, pmt_section, sizeof pmt_section);
    int registered;
    CHECK(!pmt_has_scte35(pmt + 5, &registered));

    CHECK_EQ(ts_filter_packet(&f, pmt), 0); /* before the PAT: not known as a PMT yet */
    CHECK_EQ(f.pmt_rewritten, 0);
    CHECK_EQ(ts_filter_packet(&f, pat), 0);
    CHECK_EQ(f.pmt_pid, 0x1000);
    CHECK_EQ(ts_filter_packet(&f, pmt), 0);
    CHECK_EQ(f.pmt_rewritten, 1);
    CHECK(pmt_has_scte35(pmt + 5, &registered));
    CHECK(registered);
    int length = 3 + (((pmt[6] & 0x0F) << 8) | pmt[7]);
    CHECK_EQ(length, (int)sizeof pmt_section + 14);
    /* The other streams are still there, in order, and the rest of the packet is stuffing. */
    CHECK(memcmp(pmt + 5 + 12 + 6, pmt_section + 12, sizeof pmt_section - 16) == 0);
    for (int i = 5 + length; i < TS_PACKET_SIZE; i++)
        CHECK(pmt[i] == 0xFF);
    CHECK_EQ(ts_filter_packet(&f, pmt), 0); /* already listed: left alone, flagged */
    CHECK(f.pid_conflict);

    /* A video PES with PTS 0x1_2345_6789 (33 bits) after an adaptation field. */
    uint8_t pes[TS_PACKET_SIZE];
    memset(pes, 0xFF, sizeof pes);
    const int64_t pts = INT64_C(0x123456789);
    uint8_t head[] = { 0x47, 0x41, 0x00, 0x30, 7, 0x10, 0, 0, 0, 0, 0, 0,
        0, 0, 1, 0xE0, 0, 0, 0x80, 0x80, 5,
        (uint8_t)(0x21 | ((pts >> 29) & 0x0E)), (uint8_t)(pts >> 22), (uint8_t)(0x01 | ((pts >> 14) & 0xFE)),
        (uint8_t)(pts >> 7), (uint8_t)(0x01 | ((pts << 1) & 0xFE)) };
    memcpy(pes, head, sizeof head);
    ts_filter_packet(&f, pes);
    CHECK_EQ(f.first_video_pts, pts);

    /* A 300-byte section: two packets, PUSI and pointer_field in the first, counter 0 then 1, stuffing. */
    uint8_t section[300], out[3 * TS_PACKET_SIZE];
    for (int i = 0; i < 300; i++)
        section[i] = (uint8_t)(i * 7);
    CHECK_EQ(ts_section_packets(300), 2);
    CHECK_EQ(ts_section_packets(183), 1);
    CHECK_EQ(ts_section_packets(184), 2);
    CHECK_EQ(ts_packetize_section(&f, SCTE35_PID, section, 300, out, 1 * TS_PACKET_SIZE), -1);
    CHECK_EQ(ts_packetize_section(&f, SCTE35_PID, section, 300, out, sizeof out), 2 * TS_PACKET_SIZE);
    CHECK(out[0] == 0x47 && out[1] == (0x40 | SCTE35_PID >> 8) && out[2] == (SCTE35_PID & 0xFF) && out[3] == 0x10 && out[4] == 0);
    CHECK(out[188] == 0x47 && out[189] == (SCTE35_PID >> 8) && out[191] == 0x11);
    CHECK(memcmp(out + 5, section, 183) == 0 && memcmp(out + 188 + 4, section + 183, 117) == 0);
    for (int i = 188 + 4 + 117; i < 2 * TS_PACKET_SIZE; i++)
        CHECK(out[i] == 0xFF);
    CHECK_EQ(ts_packetize_section(&f, SCTE35_PID, section, 10, out, sizeof out), TS_PACKET_SIZE);
    CHECK_EQ(out[3], 0x12);
}

/* yuv422p10le planes of a grey picture. */
typedef struct { uint8_t* planes[4]; int32_t strides[4]; int32_t sizes[4]; } Image;

static void test_sink(void)
{
    enum { W = 128, H = 72, FRAMES = 50, SPLICE_FRAME = 40 };
    PlayoutAvSinkConfig config = { .width = W, .height = H, .frame_rate_num = 25, .frame_rate_den = 1,
        .colorspace = 1, .audio_channels = 2, .audio_channels_out = 2, .scte35_pid = SCTE35_PID };
    PlayoutAvSink* sink;
    config.scte35_pid = 0x1FFF;
    CHECK_EQ(PlayoutAv_SinkOpen("scte35.ts", "mpegts", "libx264", "aac", NULL, &config, &sink), -22);
    config.scte35_pid = SCTE35_PID;
    CHECK_EQ(PlayoutAv_SinkOpen("scte35.mov", "mov", "libx264", "aac", NULL, &config, &sink), PLAYOUT_AV_ESCTE35);
    config.scte35_pid = 0x100; /* the video stream's PID */
    CHECK_EQ(PlayoutAv_SinkOpen("scte35.ts", "mpegts", "libx264", "aac", NULL, &config, &sink), PLAYOUT_AV_ESCTE35);
    config.scte35_pid = 0x1000; /* the PMT's */
    CHECK_EQ(PlayoutAv_SinkOpen("scte35.ts", "mpegts", "libx264", "aac", NULL, &config, &sink), PLAYOUT_AV_ESCTE35);
    config.scte35_pid = SCTE35_PID;
    int32_t ret = PlayoutAv_SinkOpen("scte35.ts", "mpegts", "libx264", "aac", "preset=veryfast", &config, &sink); /* B-frames */
    CHECK_EQ(ret, 0);
    if (ret < 0)
        return;
    Image im;
    for (int p = 0; p < 4; p++) {
        im.strides[p] = p == 0 ? W * 2 : p < 3 ? W : 0;
        im.sizes[p] = p < 3 ? im.strides[p] * H + PLAYOUT_AV_PADDING : 0;
        im.planes[p] = p < 3 ? malloc((size_t)im.sizes[p]) : NULL;
        for (int i = 0; p < 3 && i < im.sizes[p] / 2; i++)
            ((uint16_t*)im.planes[p])[i] = 512;
    }
    float audio[1920 * 2] = { 0 };
    int64_t splice_pts = -1;
    uint8_t section[] = { 0xFC, 0x30, 0x11, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xF0, 0x00, 0x00, 0x00, 0x00, 0, 0, 0, 0 };
    CHECK_EQ(PlayoutAv_SinkVideoPts(sink, 0, &splice_pts), -11); /* EAGAIN: nothing muxed yet */
    CHECK_EQ(PlayoutAv_SinkWriteScte35(sink, section, sizeof section), AVERROR_INVALIDDATA_CODE);
    uint32_t crc = ts_crc32(section, sizeof section - 4); /* a splice_null */
    for (int i = 0; i < 4; i++)
        section[16 + i] = (uint8_t)(crc >> (24 - 8 * i));
    for (int i = 0; i < FRAMES; i++) {
        CHECK_EQ(PlayoutAv_SinkWriteVideo(sink, (const uint8_t* const*)im.planes, im.strides, im.sizes, i), 0);
        CHECK_EQ(PlayoutAv_SinkWriteAudio(sink, audio, 1920), 0);
        if (i == 20) {
            CHECK_EQ(PlayoutAv_SinkVideoPts(sink, SPLICE_FRAME, &splice_pts), 0);
            CHECK_EQ(PlayoutAv_SinkWriteScte35(sink, section, sizeof section), 0);
            CHECK_EQ(PlayoutAv_SinkWriteScte35(sink, section, sizeof section), 0);
        }
    }
    CHECK_EQ(PlayoutAv_SinkFinish(sink), 0);
    CHECK_EQ(PlayoutAv_SinkWriteScte35(sink, section, sizeof section), PLAYOUT_AV_EFINISHED);
    PlayoutAv_SinkClose(sink);
    for (int p = 0; p < 3; p++)
        free(im.planes[p]);

    FILE* file = fopen("scte35.ts", "rb");
    CHECK(file != NULL);
    if (!file)
        return;
    uint8_t p[TS_PACKET_SIZE];
    int pmts = 0, pmts_with_scte35 = 0, scte35_packets = 0, splice_frame_seen = 0, last_cc = -1;
    while (fread(p, 1, TS_PACKET_SIZE, file) == TS_PACKET_SIZE) {
        CHECK(p[0] == 0x47);
        int pid = pid_of(p), registered = 0;
        if (pid == 0x1000) {
            pmts++;
            if (pmt_has_scte35(p + 5 + p[4], &registered) && registered)
                pmts_with_scte35++;
        } else if (pid == SCTE35_PID) {
            CHECK_EQ(p[1] & 0x40, 0x40);
            CHECK_EQ(p[4], 0);
            CHECK(memcmp(p + 5, section, sizeof section) == 0);
            CHECK_EQ(p[3] & 0x0F, (last_cc + 1) & 0x0F);
            last_cc = p[3] & 0x0F;
            scte35_packets++;
        } else if (pid == 0x100 && (p[1] & 0x40)) {
            TsFilter f;
            ts_filter_init(&f, SCTE35_PID, 0);
            ts_filter_packet(&f, p);
            if (f.first_video_pts == splice_pts)
                splice_frame_seen++;
        }
    }
    fclose(file);
    CHECK(pmts > 0);
    CHECK_EQ(pmts_with_scte35, pmts);
    CHECK_EQ(scte35_packets, 2);
    CHECK_EQ(splice_frame_seen, 1); /* the PTS given for frame 40 is the PTS of exactly one video PES */
}

/* A sound-only mpegts sink with a timed metadata stream: refusals, then the PMT's stream_type 0x15 with its metadata
 * descriptor and the tags as PES payloads (private_stream_1, a PTS), read back from the file. */
static void test_metadata(void)
{
    PlayoutAvSinkConfig config = { .frame_rate_num = 25, .frame_rate_den = 1, .audio_channels = 2, .audio_channels_out = 2,
        .timed_metadata = 1 };
    PlayoutAvSink* sink;
    CHECK_EQ(PlayoutAv_SinkOpen("id3.mov", "mov", NULL, "aac", NULL, &config, &sink), PLAYOUT_AV_EMETADATA);
    config.timed_metadata = 0;
    CHECK_EQ(PlayoutAv_SinkOpen("plain.ts", "mpegts", NULL, "aac", NULL, &config, &sink), 0);
    const uint8_t tag[] = { 'I', 'D', '3', 4, 0, 0, 0, 0, 0, 4, 'T', 'E', 'S', 'T' };
    CHECK_EQ(PlayoutAv_SinkWriteMetadata(sink, tag, sizeof tag, 0), PLAYOUT_AV_EMETADATA);
    PlayoutAv_SinkClose(sink);
    config.timed_metadata = 1;
    int32_t ret = PlayoutAv_SinkOpen("id3.ts", "mpegts", NULL, "aac", NULL, &config, &sink);
    CHECK_EQ(ret, 0);
    if (ret < 0)
        return;
    float audio[1920 * 2] = { 0 };
    for (int i = 0; i < 50; i++) {
        if (i == 10 || i == 30)
            CHECK_EQ(PlayoutAv_SinkWriteMetadata(sink, tag, sizeof tag, i * 3600), 0);
        CHECK_EQ(PlayoutAv_SinkWriteAudio(sink, audio, 1920), 0);
    }
    CHECK_EQ(PlayoutAv_SinkWriteMetadata(sink, tag, sizeof tag, 29 * 3600), -22); /* back in time */
    CHECK_EQ(PlayoutAv_SinkWriteMetadata(sink, tag, 0, 40 * 3600), -22);
    CHECK_EQ(PlayoutAv_SinkFinish(sink), 0);
    CHECK_EQ(PlayoutAv_SinkWriteMetadata(sink, tag, sizeof tag, 50 * 3600), PLAYOUT_AV_EFINISHED);
    PlayoutAv_SinkClose(sink);

    FILE* file = fopen("id3.ts", "rb");
    CHECK(file != NULL);
    if (!file)
        return;
    uint8_t p[TS_PACKET_SIZE];
    int metadata_pid = -1, described = 0, tags = 0;
    while (fread(p, 1, TS_PACKET_SIZE, file) == TS_PACKET_SIZE) {
        const uint8_t* s = p + 5 + p[4];
        if (pid_of(p) == 0x1000 && metadata_pid < 0) {
            int length = 3 + (((s[1] & 0x0F) << 8) | s[2]), info = ((s[10] & 0x0F) << 8) | s[11];
            for (int at = 12 + info; at + 5 <= length - 4; at += 5 + (((s[at + 3] & 0x0F) << 8) | s[at + 4]))
                if (s[at] == 0x15) {
                    metadata_pid = ((s[at + 1] & 0x1F) << 8) | s[at + 2];
                    described = s[at + 5] == 0x26 && memcmp(s + at + 5 + 4, "ID3 ", 4) == 0;
                }
        } else if (pid_of(p) == metadata_pid && (p[1] & 0x40)) {
            const uint8_t* pes = p + 4 + ((p[3] & 0x20) ? 1 + p[4] : 0);
            CHECK(pes[0] == 0 && pes[1] == 0 && pes[2] == 1 && pes[3] == 0xBD && (pes[7] & 0x80));
            CHECK(memcmp(pes + 9 + pes[8], tag, sizeof tag) == 0);
            tags++;
        }
    }
    fclose(file);
    CHECK(metadata_pid > 0);
    CHECK(described);
    CHECK_EQ(tags, 2);
}

/* A sound-only mpegts sink with EIT: refusals, the service's ids from its SDT (the muxer's options change them), every
 * SDT marking the service as carrying EIT present/following with a valid CRC, and the sections on PID 0x12 with their
 * own continuity counter, read back from the file. */
static void test_eit(void)
{
    PlayoutAvSinkConfig config = { .frame_rate_num = 25, .frame_rate_den = 1, .audio_channels = 2, .audio_channels_out = 2, .eit = 1 };
    PlayoutAvSink* sink;
    CHECK_EQ(PlayoutAv_SinkOpen("eit.mov", "mov", NULL, "aac", NULL, &config, &sink), PLAYOUT_AV_EEIT);
    config.eit = 0;
    /* A service's names are mpegts's: another muxer takes and drops them. */
    CHECK_EQ(PlayoutAv_SinkOpen("named.mov", "mov", NULL, "aac", "service_name=x:service_provider=y", &config, &sink), 0);
    PlayoutAv_SinkClose(sink);
    config.eit = 1;
    config.eit = 0;
    CHECK_EQ(PlayoutAv_SinkOpen("plain.ts", "mpegts", NULL, "aac", NULL, &config, &sink), 0);
    /* table_id 0x4E, section_length 11 + 4, the ids, version 0 current, sections 0 of 1, segment/last table; no events. */
    uint8_t eit[] = { 0x4E, 0xF0, 15, 0x00, 0x07, 0xC1, 0, 1, 0x00, 0x02, 0xFF, 0x01, 1, 0x4E, 0, 0, 0, 0 };
    uint32_t crc = ts_crc32(eit, sizeof eit - 4);
    eit[sizeof eit - 4] = (uint8_t)(crc >> 24);
    eit[sizeof eit - 3] = (uint8_t)(crc >> 16);
    eit[sizeof eit - 2] = (uint8_t)(crc >> 8);
    eit[sizeof eit - 1] = (uint8_t)crc;
    CHECK_EQ(PlayoutAv_SinkWriteEit(sink, eit, sizeof eit), PLAYOUT_AV_EEIT);
    PlayoutAv_SinkClose(sink);
    config.eit = 1;
    int32_t ret = PlayoutAv_SinkOpen("eit.ts", "mpegts", NULL, "aac",
        "mpegts_service_id=7:mpegts_transport_stream_id=2:service_name='Radio: One':service_provider=VOV", &config, &sink);
    CHECK_EQ(ret, 0);
    if (ret < 0)
        return;
    int32_t service = 0, stream = 0, network = 0;
    CHECK_EQ(PlayoutAv_SinkServiceIds(sink, &service, &stream, &network), -11); /* EAGAIN: nothing written yet */
    float audio[1920 * 2] = { 0 };
    for (int i = 0; i < 50; i++) {
        CHECK_EQ(PlayoutAv_SinkWriteAudio(sink, audio, 1920), 0);
        if (i % 10 == 9)
            CHECK_EQ(PlayoutAv_SinkWriteEit(sink, eit, sizeof eit), 0);
    }
    CHECK_EQ(PlayoutAv_SinkServiceIds(sink, &service, &stream, &network), 0);
    CHECK_EQ(service, 7);
    CHECK_EQ(stream, 2);
    CHECK_EQ(network, 0xFF01); /* FFmpeg's default original_network_id */
    eit[5] ^= 0x02; /* another version: the CRC no longer holds */
    CHECK_EQ(PlayoutAv_SinkWriteEit(sink, eit, sizeof eit), AVERROR_INVALIDDATA_CODE);
    eit[5] ^= 0x02;
    CHECK_EQ(PlayoutAv_SinkWriteEit(sink, eit, sizeof eit - 1), AVERROR_INVALIDDATA_CODE);
    CHECK_EQ(PlayoutAv_SinkFinish(sink), 0);
    CHECK_EQ(PlayoutAv_SinkWriteEit(sink, eit, sizeof eit), PLAYOUT_AV_EFINISHED);
    PlayoutAv_SinkClose(sink);

    FILE* file = fopen("eit.ts", "rb");
    CHECK(file != NULL);
    if (!file)
        return;
    uint8_t p[TS_PACKET_SIZE];
    int sdts = 0, sdts_marked = 0, eits = 0, last_cc = -1;
    while (fread(p, 1, TS_PACKET_SIZE, file) == TS_PACKET_SIZE) {
        const uint8_t* s = p + 5 + p[4];
        if (pid_of(p) == TS_SDT_PID && (p[1] & 0x40)) {
            int length = 3 + (((s[1] & 0x0F) << 8) | s[2]);
            sdts++;
            /* The first service's flags byte: EIT_present_following_flag set, and a CRC that holds. */
            if (s[0] == 0x42 && ts_crc32(s, length) == 0 && ((s[11] << 8) | s[12]) == 7 && (s[13] & 0x01))
                sdts_marked++;
            /* The service_descriptor (0x48): type, provider name, service name, as the options gave them. */
            const uint8_t* d = s + 16;
            CHECK_EQ(d[0], 0x48);
            CHECK(d[3] == 3 && memcmp(d + 4, "VOV", 3) == 0);
            CHECK(d[7] == 10 && memcmp(d + 8, "Radio: One", 10) == 0);
        } else if (pid_of(p) == TS_EIT_PID) {
            CHECK(memcmp(s, eit, sizeof eit) == 0);
            CHECK_EQ(p[3] & 0x0F, (last_cc + 1) & 0x0F);
            last_cc = p[3] & 0x0F;
            eits++;
        }
    }
    fclose(file);
    CHECK(sdts > 0);
    CHECK_EQ(sdts_marked, sdts);
    CHECK_EQ(eits, 5);
}

int main(void)
{
    test_filter();
    test_sink();
    test_metadata();
    test_eit();
    if (failures == 0)
        puts("playout_av_ts_test: all checks passed");
    return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
