using Playout.HwSim.Host;

return args switch
{
    ["videohub", .. var rest] => VideohubHost.Run(rest, Console.In, Console.Out),
    ["transmitter", .. var rest] => TransmitterHost.Run(rest, Console.In, Console.Out),
    ["encoder", .. var rest] => EncoderHost.Run(rest, Console.In, Console.Out),
    ["chain", .. var rest] => ChainHost.Run(rest, Console.In, Console.Out),
    _ => CardHost.Run(args, Console.In, Console.Out),
};
