namespace Playout.Engine.Consumers;

/// <summary>An output that sends one RTP flow a receiver takes by its session description (the ST 2110 outputs).</summary>
public interface ISdpFlow
{
    /// <summary>The flow's session description, as written to its settings' SDP file.</summary>
    string Sdp { get; }
}
