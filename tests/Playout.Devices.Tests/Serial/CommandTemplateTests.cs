using Playout.Devices.Serial;

namespace Playout.Devices.Tests.Serial;

/// <summary>Command templates: placeholders filled with a number in its format or a word's text; a malformed template says where.</summary>
public class CommandTemplateTests
{
    [Theory]
    [InlineData("PWR {percent:000}", 55.0, null, "PWR 055")]
    [InlineData("PWR {percent:000}", 110.0, null, "PWR 110")]
    [InlineData("SET F={mhz:0.000} OK", 98.5, null, "SET F=98.500 OK")]
    [InlineData("BR {kbps}", 12000.0, null, "BR 12000")]
    [InlineData("RF {state}", null, "ON", "RF ON")]
    [InlineData("RST", null, null, "RST")]
    public void Fills_placeholders(string template, double? number, string? text, string expected) =>
        Assert.Equal(expected, CommandTemplate.Parse(template).Fill(number, text));

    [Theory]
    [InlineData("PWR {percent", "template 'PWR {percent': '{' at 5 is not closed")]
    [InlineData("PWR percent}", "template 'PWR percent}': '}' at 12 closes nothing")]
    [InlineData("PWR {:000}", "template 'PWR {:000}': the placeholder at 5 has no name")]
    [InlineData("A {b{c}}", "template 'A {b{c}}': '{' at 3 is not closed")]
    public void A_malformed_template_says_where(string template, string expected) =>
        Assert.Equal(expected, Assert.Throws<FormatException>(() => CommandTemplate.Parse(template)).Message);
}
