namespace Playout.Engine.Producers;

public enum BarsStandard
{
    /// <summary>EBU 100/0/75/0 bars with line-up tone at −18 dBFS (EBU R 68).</summary>
    Ebu,

    /// <summary>SMPTE EG 1-style bars (75 % bars, castellations, −I/white/+Q and PLUGE) with tone at −20 dBFS.</summary>
    Smpte,
}
