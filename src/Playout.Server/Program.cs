using Playout.Server.Cli;

return PlayoutCli.Run(args, Console.In, Console.Out, Console.Error);
