// Generate tomorrow from a template, insert a break every 15 minutes, fill to the hour.
// Run it offline:  ./playout script run configs/scripts/tomorrow-from-template.csx --out tomorrow.json
// See docs/SCRIPTING.md for the globals a script sees.

// The template: the morning news and a documentary, 50 minutes of programme.
var template = Draft()
    .Clip("news", "news/morning.mxf", duration: "00:20:00", title: "Morning news")
    .Clip("doc", "docs/rivers.mxf", duration: "00:30:00", title: "Rivers of Europe");

// Tomorrow's day from it: the day starts at the channel's day start.
var day = template.CopyTo(Tomorrow);

// A two-minute break at every quarter hour; a programme running across one is split around it.
day.InsertEvery(TimeSpan.FromMinutes(15), n => Clip($"break-{n}", "breaks/promo.mxf", duration: "00:02:00", title: $"Break {n}"));

// Fill from the end of the last programme to the next full hour.
var hour = TimeSpan.FromHours(Math.Ceiling(day.End.TotalHours));
day.FillTo(hour, "black");

Log($"{day.Date:yyyy-MM-dd}: {day.Events.Count} events from {DayStart:hh\\:mm} to {day.End:hh\\:mm}");
foreach (var e in day.Events)
    Log($"  {e.Id,-14} {e.Duration:hh\\:mm\\:ss}  {e.DisplayName}");
