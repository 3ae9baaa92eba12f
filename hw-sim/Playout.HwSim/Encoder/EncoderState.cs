namespace Playout.HwSim.Encoder;

/// <summary>The simulated encoder: a service started and stopped, an output bitrate, an input, and the faults injected into it.</summary>
public sealed class EncoderState
{
    private readonly Lock _gate = new();
    private readonly HashSet<EncoderFault> _faults = [];

    public bool Running { get { lock (_gate) return field; } set { lock (_gate) field = value; } }

    /// <summary>The bitrate the service encodes at, in kbit/s.</summary>
    public int BitrateKbps { get { lock (_gate) return field; } set { lock (_gate) field = value; } } = 8000;

    public bool InputPresent => !Has(EncoderFault.InputLoss);

    /// <summary>What leaves the encoder, in kbit/s: the bitrate while the service runs and the encoding has not failed.</summary>
    public int OutputKbps
    {
        get
        {
            lock (_gate)
                return Running && !_faults.Contains(EncoderFault.EncoderFailure) ? BitrateKbps : 0;
        }
    }

    public bool Has(EncoderFault fault) { lock (_gate) return _faults.Contains(fault); }

    public void Inject(EncoderFault fault) { lock (_gate) _faults.Add(fault); }

    public void Clear(EncoderFault fault) { lock (_gate) _faults.Remove(fault); }
}
