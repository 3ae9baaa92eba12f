namespace Playout.HwSim.Transmitter;

/// <summary>
/// The simulated transmitter: RF on/off with a power ramp, forward and reflected power from the VSWR, a temperature
/// that follows the power and drifts, exciter A/B, main/reserve, antenna/dummy load, and the faults injected into it.
/// Values are computed when read, from the time since the last change, so nothing ticks.
/// </summary>
public sealed class TransmitterState(TimeProvider time, double nominalWatts, TimeSpan rampTime)
{
    private readonly Lock _gate = new();
    private readonly HashSet<TransmitterFault> _faults = [];
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private bool _rfOn;
    private DateTimeOffset _rfOnAt;
    private bool _vswrLatched;

    /// <summary>Raised after a setting, a fault or a fault reset changed (not for the ramp or the drift, which follow from time).</summary>
    public event Action? Changed;

    public int PowerPercent { get { lock (_gate) return field; } set { lock (_gate) field = value; Changed?.Invoke(); } } = 100;
    public bool Reserve { get { lock (_gate) return field; } set { lock (_gate) field = value; Changed?.Invoke(); } }
    public bool ExciterB { get { lock (_gate) return field; } set { lock (_gate) field = value; Changed?.Invoke(); } }
    public bool DummyLoad { get { lock (_gate) return field; } set { lock (_gate) field = value; Changed?.Invoke(); } }

    public bool RfOn
    {
        get { lock (_gate) return _rfOn; }
        set
        {
            lock (_gate)
            {
                // A latched VSWR trip keeps RF off until the fault is reset.
                if (value && (_rfOn || _vswrLatched)) return;
                _rfOn = value;
                _rfOnAt = time.GetUtcNow();
            }
            Changed?.Invoke();
        }
    }

    public bool Has(TransmitterFault fault) { lock (_gate) return _faults.Contains(fault); }

    public bool VswrTripped { get { lock (_gate) return _vswrLatched; } }

    public void Inject(TransmitterFault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
            if (fault == TransmitterFault.VswrTrip)
            {
                _vswrLatched = true;
                _rfOn = false;
            }
            else if (fault == TransmitterFault.ExciterFailure)
                ExciterB = !ExciterB;
        }
        Changed?.Invoke();
    }

    public void Clear(TransmitterFault fault)
    {
        lock (_gate) _faults.Remove(fault);
        Changed?.Invoke();
    }

    /// <summary>The front panel's fault reset: a VSWR trip whose cause is gone unlatches (RF stays off until asked).</summary>
    public void ResetFaults()
    {
        lock (_gate)
        {
            _faults.Remove(TransmitterFault.VswrTrip);
            _vswrLatched = false;
        }
        Changed?.Invoke();
    }

    public double ForwardWatts
    {
        get
        {
            lock (_gate)
            {
                if (!_rfOn || _faults.Contains(TransmitterFault.RfMute)) return 0;
                double ramp = rampTime <= TimeSpan.Zero ? 1 : Math.Clamp((time.GetUtcNow() - _rfOnAt) / rampTime, 0, 1);
                return nominalWatts * PowerPercent / 100 * ramp;
            }
        }
    }

    public double Vswr => VswrTripped ? 3.0 : DummyLoad ? 1.02 : 1.10;

    public double ReflectedWatts
    {
        get
        {
            double rho = (Vswr - 1) / (Vswr + 1);
            return ForwardWatts * rho * rho;
        }
    }

    public double TemperatureCelsius
    {
        get
        {
            if (Has(TransmitterFault.OverTemperature)) return 85;
            double drift = Math.Sin((time.GetUtcNow() - _started).TotalSeconds / 10) * 0.5;
            return 25 + 20 * ForwardWatts / nominalWatts + drift;
        }
    }
}
