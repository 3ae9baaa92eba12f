using Playout.Automation.Imports;
using Playout.Automation.Schedules;
using Playout.Media.Formats;
using Playout.TestSupport;
using static Playout.Automation.Tests.Imports.ImportTestSupport;

namespace Playout.Automation.Tests.Imports;

/// <summary>
/// Confinement to the media roots follows symbolic links, in the name's path and in the roots themselves: a link in a
/// root that leads out of the roots is outside, one that stays inside is not; a path that does not exist yet is
/// judged by the part of it that does.
/// </summary>
public sealed class SourceRulesLinkTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly string _media;
    private readonly string _archive;
    private readonly string _outside;

    public SourceRulesLinkTests()
    {
        _media = Directory.CreateDirectory(_folder.File("media")).FullName;
        _archive = Directory.CreateDirectory(_folder.File("archive")).FullName;
        _outside = Directory.CreateDirectory(_folder.File("outside")).FullName;
        File.WriteAllText(Path.Combine(_outside, "passwd"), "secret");
        Directory.CreateDirectory(Path.Combine(_media, "real"));
        File.WriteAllText(Path.Combine(_media, "real", "promo.mxf"), "");
        File.WriteAllText(Path.Combine(_archive, "film.mxf"), "");
    }

    public void Dispose() => _folder.Dispose();

    private SourceRules Rules => SourceRules.For(_media, [_archive]);

    private string Link(string name, string target, bool folder = true)
    {
        string path = Path.Combine(_media, name);
        if (folder)
            Directory.CreateSymbolicLink(path, target);
        else
            File.CreateSymbolicLink(path, target);
        return path;
    }

    private ScheduleImportResult Import(string source) => ScheduleImporter.Import("day.yaml",
        $"date: 2026-11-25\nevents:\n  - id: x\n    kind: clip\n    source: \"{source}\"\n    duration: 10\n",
        new ScheduleImportOptions(new Rational(25), Sources: Rules));

    [Fact]
    public void A_folder_link_in_the_media_folder_that_leads_out_is_refused_at_the_event()
    {
        Link("escape", _outside);

        var error = ErrorAt(Import("escape/passwd"), 5, "source", "'escape/passwd' is outside the media roots");
        Assert.Equal("x", error.Event);
    }

    [Theory]
    [InlineData("absolute")]
    [InlineData("relative")]
    [InlineData("chained")]
    public void A_file_link_that_leads_out_is_refused_however_it_is_written(string how)
    {
        string secret = Path.Combine(_outside, "passwd");
        switch (how)
        {
            case "absolute":
                Link("slate.png", secret, folder: false);
                break;
            case "relative":
                Link("slate.png", Path.Combine("..", "outside", "passwd"), folder: false);
                break;
            default:
                Link("hop", secret, folder: false);
                Link("slate.png", "hop", folder: false);
                break;
        }

        Assert.Equal("'slate.png' is outside the media roots", Rules.CheckFile("slate.png"));
    }

    [Fact]
    public void A_path_that_does_not_exist_yet_is_judged_by_its_existing_part()
    {
        Link("escape", _outside);

        Assert.Equal("'escape/new/film.mxf' is outside the media roots", Rules.CheckFile("escape/new/film.mxf"));
        Assert.Null(Rules.CheckFile("new/film.mxf"));
    }

    [Fact]
    public void Links_that_stay_inside_the_roots_are_allowed()
    {
        Link("promo.mxf", Path.Combine("real", "promo.mxf"), folder: false);
        Link("old", _archive);
        Link("back", Path.Combine("real", ".."));

        Assert.True(Import("promo.mxf").Ok);
        Assert.True(Import("old/film.mxf").Ok);
        Assert.Null(Rules.CheckFile("back/real/promo.mxf"));
    }

    [Fact]
    public void A_root_that_is_itself_a_link_holds_what_lies_in_its_target()
    {
        string linked = _folder.File("media-link");
        Directory.CreateSymbolicLink(linked, _media);
        var rules = SourceRules.For(linked);

        Assert.Null(rules.CheckFile("real/promo.mxf"));
        Assert.Null(rules.CheckFile(Path.Combine(_media, "real", "promo.mxf")));
        Assert.Equal("'../outside/passwd' is outside the media roots", rules.CheckFile("../outside/passwd"));
    }

    [Fact]
    public void A_loop_of_links_is_refused_with_why()
    {
        Link("a", "b", folder: false);
        Link("b", "a", folder: false);

        Assert.StartsWith("'a' cannot be resolved (too many levels of symbolic links", Rules.CheckFile("a"));
    }

    [Fact]
    public void Open_gives_the_real_path_inside_the_roots_and_refuses_what_leads_out()
    {
        Link("promo.mxf", Path.Combine("real", "promo.mxf"), folder: false);
        Link("escape", _outside);

        Assert.Equal(Path.Combine(_media, "real", "promo.mxf"), Rules.Open("promo.mxf"));
        var refused = Assert.Throws<IOException>(() => Rules.Open("escape/passwd"));
        Assert.Equal("'escape/passwd' is outside the media roots", refused.Message);
    }
}
