using Playout.Automation.Schedules;
using Playout.Automation.Scripting;

namespace Playout.Automation.Tests.Scripting;

/// <summary>A script may use the script API and plain data types only: anything else is refused when it is compiled, before any of it runs.</summary>
[Collection(ScriptWorkers.Collection)]
public class ScriptSandboxTests
{
    private static readonly ScriptHost Host = new();
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static ScriptContext Offline() => new(ChannelSchedule.Empty, Today, TimeSpan.FromHours(6));

    // Each script logs on line 1, so an empty log shows it never ran: the refusal came at compile time.
    [Theory]
    [InlineData("var text = System.IO.File.ReadAllText(\"/etc/hostname\");", 12, "System.IO.File.ReadAllText")]
    [InlineData("Environment.Exit(3);", 1, "System.Environment.Exit")]
    [InlineData("var home = Environment.GetEnvironmentVariable(\"HOME\");", 12, "System.Environment.GetEnvironmentVariable")]
    [InlineData("Type.GetType(\"System.Diagnostics.Process, System.Diagnostics.Process\")!.GetMethod(\"Start\", [typeof(string)])!.Invoke(null, [\"/bin/true\"]);", 1, "System.Type")]
    [InlineData("var assembly = typeof(string).Assembly;", 16, "System.Type.Assembly")]
    [InlineData("var trim = \"\".GetType().GetMethod(\"Trim\");", 12, "System.Type.GetMethod")]
    [InlineData("var f = (Func<int>)(() => 1); Log(f.Method.Name);", 35, "System.Delegate.Method")]
    [InlineData("var o = Activator.CreateInstance<object>();", 9, "System.Activator.CreateInstance")]
    [InlineData("AppDomain.CurrentDomain.ToString();", 1, "System.AppDomain")]
    [InlineData("GC.Collect();", 1, "System.GC.Collect")]
    [InlineData("Console.WriteLine(\"on the service's stdout\");", 1, "The name 'Console' does not exist")]
    [InlineData("new Thread(() => { }).Start();", 1, "System.Threading.Thread.Start")]
    [InlineData("System.Threading.Tasks.Task.Run(() => { });", 1, "System.Threading.Tasks.Task")]
    [InlineData("var p = System.Runtime.InteropServices.Marshal.AllocHGlobal(10);", 9, "System.Runtime.InteropServices.Marshal.AllocHGlobal")]
    [InlineData("var size = System.Runtime.CompilerServices.Unsafe.SizeOf<int>();", 12, "System.Runtime.CompilerServices.Unsafe.SizeOf")]
    [InlineData("dynamic d = 1;", 1, "SCRIPT001: dynamic")]
    [InlineData("static extern int getpid();", 1, "an extern method")]
    [InlineData("[Obsolete] void Old() { }", 2, "an attribute")]
    [InlineData("class Slow { ~Slow() { while (true) { } } }", 14, "a finalizer")]
    [InlineData("unsafe { int x = 0; int* p = &x; }", 1, "unsafe code")]
    [InlineData("#r \"System.Diagnostics.Process\"", 1, "#r (referencing assemblies)")]
    public async Task A_script_reaching_outside_its_api_is_refused_at_compile_time_naming_what_and_where(string line, int column, string what)
    {
        var run = await Host.RunAsync($"Log(\"ran\");\n{line}\n", Offline());

        Assert.False(run.Ok);
        Assert.Empty(run.Log);
        var error = Assert.Single(run.Errors, e => e.Message.Contains(what, StringComparison.Ordinal));
        Assert.Equal((2, column), (error.Line, error.Column));
        if (error.Message.StartsWith("SCRIPT001", StringComparison.Ordinal))
            Assert.EndsWith(" is not available to scripts", error.Message);
    }

    [Fact]
    public async Task A_process_type_the_script_names_directly_is_not_even_referenced()
    {
        var run = await Host.RunAsync("Log(\"ran\");\nSystem.Diagnostics.Process.Start(\"/bin/true\");\n", Offline());

        Assert.Empty(run.Log);
        var error = Assert.Single(run.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("'Process' does not exist", error.Message);
    }

    [Fact]
    public async Task Load_reads_no_file_of_the_service_machine()
    {
        var run = await Host.RunAsync("#load \"/etc/passwd\"\nLog(\"ran\");\n", Offline());

        Assert.False(run.Ok);
        Assert.Empty(run.Log);
        Assert.Contains(run.Errors, e => e.Message.Contains("#load", StringComparison.Ordinal) && e.Line == 1);
        Assert.DoesNotContain(run.Errors, e => e.Message.Contains("root", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_script_api_with_collections_linq_text_records_and_local_functions_runs()
    {
        const string code = """
            record Slot(string Id, int Minutes);
            var slots = new List<Slot> { new("a", 5), new("b", 10) };
            var longestFirst = slots.OrderByDescending(s => s.Minutes).Select(s => s.Id).ToArray();
            var text = new System.Text.StringBuilder();
            foreach (var (id, minutes) in slots.Select(s => (s.Id, s.Minutes)))
                text.Append($"{id}={minutes};");
            var seen = new Dictionary<string, int> { ["a"] = 1 };
            int Twice(int x) => x * 2;
            try { throw new InvalidOperationException("caught"); } catch (InvalidOperationException e) { Log(e.Message); }
            Cancellation.ThrowIfCancellationRequested();
            var day = Day(Tomorrow);
            foreach (var s in slots)
                day.Add(Filler(s.Id, "black", TimeSpan.FromMinutes(Math.Max(s.Minutes, Twice(seen["a"])))));
            Log($"{string.Join(",", longestFirst)} {text} {day.End:hh\\:mm} {Schedule.Days.Count} {DateTime.UtcNow.Year > 2000}");
            Log(string.Join("+", ["x", "y"]) + "ab".AsSpan(1).ToString());
            Log($"{PrimaryKind.Clip.ToString()} {1.5.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}");
            """;
        var run = await Host.RunAsync(code, Offline());

        Assert.True(run.Ok, string.Join("\n", run.Errors));
        Assert.Equal(["caught", "b,a a=5;b=10; 06:15 0 True", "x+yb", "Clip 1.5"], run.Log);
        Assert.Equal(["a", "b"], run.Schedule![Today.AddDays(1)]!.Events.Select(e => e.Id));
    }
}
