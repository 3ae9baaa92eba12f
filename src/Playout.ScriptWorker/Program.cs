using System.Text;
using Playout.Automation.Scripting;

// playout-script-worker: runs one schedule script for the service (docs/SCRIPTING.md, ScriptWorker). Not a command
// for people: the service starts it, talks to it over stdin/stdout, and kills it at the script's limits.
var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
// The pipe is the service's alone: anything else written to the console goes to stderr.
Console.SetOut(Console.Error);
return ScriptWorker.Run(new StreamReader(Console.OpenStandardInput(), Encoding.UTF8), output,
    serviceGone: () => Environment.Exit(ScriptWorker.ServiceGone));
