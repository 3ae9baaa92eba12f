using BenchmarkDotNet.Running;
using Playout.Benchmarks;

try
{
    string[] rest = args.Length > 0 ? args[1..] : [];
    return args.FirstOrDefault() switch
    {
        "channel" => ChannelTickBenchmark.Run(rest, Console.Out),
        "density" => DensityBenchmark.Run(rest, Console.Out),
        "snmp-on-air" => SnmpOnAirBenchmark.Run(rest, Console.Out),
        "devices-on-air" => DevicesOnAirBenchmark.Run(rest, Console.Out),
        "amcp" => AmcpOnAirBenchmark.Run(rest, Console.Out),
        "ratios" => InterleavedRatios.Run(rest, Console.Out),
        "hls" => HlsLadderBenchmark.Run(rest, Console.Out),
        "radio" => RadioChannelBenchmark.Run(rest, Console.Out),
        "st2110" => St2110SenderBenchmark.Run(rest, Console.Out),
        "snmp" => SnmpAgentBenchmark.Run(rest, Console.Out),
        _ => BenchmarkDotNet(args),
    };
}
catch (BenchUsageException usage)
{
    Console.Error.WriteLine(usage.Message);
    return 2;
}

static int BenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(args, BenchConfig.Create());
    return 0;
}
