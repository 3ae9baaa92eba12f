using Playout.HwSim.Host;

return CardHost.Run(args, Console.In, Console.Out);
