using Playout.HwSim.Host;

return args is ["videohub", .. var rest] ? VideohubHost.Run(rest, Console.In, Console.Out) : CardHost.Run(args, Console.In, Console.Out);
