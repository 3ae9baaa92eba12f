namespace Playout.Interop;

/// <summary>A DVB service's ids in its transport stream (service_id, transport_stream_id, original_network_id).</summary>
public readonly record struct DvbServiceIds(ushort ServiceId, ushort TransportStreamId, ushort OriginalNetworkId);
