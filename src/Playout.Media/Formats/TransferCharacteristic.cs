namespace Playout.Media.Formats;

/// <summary>The opto-electronic transfer function a video mode's signal is coded with.</summary>
public enum TransferCharacteristic
{
    /// <summary>Standard dynamic range: the BT.709 / BT.2020 camera curve, displayed per BT.1886.</summary>
    Sdr,

    /// <summary>Hybrid Log-Gamma (ITU-R BT.2100, ARIB STD-B67).</summary>
    Hlg,

    /// <summary>Perceptual Quantizer (ITU-R BT.2100, SMPTE ST 2084).</summary>
    Pq,
}
