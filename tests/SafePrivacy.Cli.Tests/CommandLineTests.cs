using System;
using SafePrivacy.Cli.Commands;

namespace SafePrivacy.Cli.Tests;

/// <summary>The command line: defaults a build server can rely on, and every option in both spellings.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void Scan_Defaults_ToTheCurrentFolder_Text_FailOnError_AndEachProjectsMode()
    {
        var options = CommandLine.Parse(new[] { "scan" });

        Assert.Equal((CommandKind.Scan, ".", ScanFormat.Text, FailOn.Error), (options.Kind, options.Path, options.ScanFormat, options.FailOn));
        Assert.Null(options.Mode);
        Assert.Null(options.Output);
        Assert.False(options.NoRestore);
        Assert.Equal((null, false, null), (options.Baseline, options.UpdateBaseline, options.ChangedSince));
    }

    [Fact]
    public void Scan_ReadsTheBaselineAndChangedSinceOptions()
    {
        var options = CommandLine.Parse(new[] { "scan", "--baseline=known.json", "--update-baseline", "--changed-since", "origin/main" });

        Assert.Equal(("known.json", true, "origin/main"), (options.Baseline, options.UpdateBaseline, options.ChangedSince));
    }

    [Fact]
    public void UpdateBaseline_WithoutABaselineFile_IsAUsageError()
    {
        var error = Assert.Throws<UsageException>(() => CommandLine.Parse(new[] { "scan", "--update-baseline" }));

        Assert.Equal("--update-baseline needs --baseline FILE, the file to write.", error.Message);
    }

    [Fact]
    public void BaselineOptions_AreForScanOnly()
    {
        var error = Assert.Throws<UsageException>(() => CommandLine.Parse(new[] { "inventory", "--baseline", "known.json" }));

        Assert.StartsWith("Unknown option '--baseline' for 'inventory'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_ReadsEveryOption_InEitherSpelling()
    {
        var options = CommandLine.Parse(new[] { "scan", "src/App.sln", "--format=SARIF", "--output", "out.sarif", "--fail-on=warning", "--mode", "Enforce", "--no-restore" });

        Assert.Equal("src/App.sln", options.Path);
        Assert.Equal(ScanFormat.Sarif, options.ScanFormat);
        Assert.Equal("out.sarif", options.Output);
        Assert.Equal(FailOn.Warning, options.FailOn);
        Assert.Equal(SafePrivacyMode.Enforce, options.Mode);
        Assert.True(options.NoRestore);
    }

    [Fact]
    public void Inventory_Defaults_ToMarkdown_ForCustomers()
    {
        var options = CommandLine.Parse(new[] { "inventory", "--format", "fides" });

        Assert.Equal((CommandKind.Inventory, InventoryFormat.Fides, "customer"), (options.Kind, options.InventoryFormat, options.DataSubject));
        Assert.Equal(InventoryFormat.Markdown, CommandLine.Parse(new[] { "inventory" }).InventoryFormat);
    }

    [Theory]
    [InlineData("")]
    [InlineData("--help")]
    [InlineData("scan -h")]
    public void Help_IsAskedFor(string commandLine) =>
        Assert.Equal(CommandKind.Help, CommandLine.Parse(commandLine.Split(' ', System.StringSplitOptions.RemoveEmptyEntries)).Kind);
}
