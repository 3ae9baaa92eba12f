using BenchmarkDotNet.Running;
using Playout.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(args, BenchConfig.Create());
