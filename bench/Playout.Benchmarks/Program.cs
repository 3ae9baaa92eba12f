using BenchmarkDotNet.Running;
using Playout.Benchmarks;

if (args.Length > 0 && args[0] == "channel")
    return ChannelTickBenchmark.Run(args[1..], Console.Out);
if (args.Length > 0 && args[0] == "density")
    return DensityBenchmark.Run(args[1..], Console.Out);
if (args.Length > 0 && args[0] == "snmp-on-air")
    return SnmpOnAirBenchmark.Run(args[1..], Console.Out);
if (args.Length > 0 && args[0] == "devices-on-air")
    return DevicesOnAirBenchmark.Run(args[1..], Console.Out);
if (args.Length > 0 && args[0] == "amcp")
    return AmcpOnAirBenchmark.Run(args[1..], Console.Out);
if (args.Length > 0 && args[0] == "ratios")
    return InterleavedRatios.Run(args[1..], Console.Out);
if (args.Length > 0 && args[0] == "hls")
    return HlsLadderBenchmark.Run(args[1..], Console.Out);
if (args.Length > 0 && args[0] == "radio")
    return RadioChannelBenchmark.Run(args[1..], Console.Out);
if (args.Length > 0 && args[0] == "st2110")
    return St2110SenderBenchmark.Run(args[1..], Console.Out);
if (args.Length > 0 && args[0] == "snmp")
    return SnmpAgentBenchmark.Run(args[1..], Console.Out);
BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(args, BenchConfig.Create());
return 0;
