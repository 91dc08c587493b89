using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace SafePrivacy.Analyzers.Tests.Robustness;

/// <summary>
/// The type and code shapes that have taken compilers down: types that enumerate themselves (Newtonsoft's JToken),
/// collections of themselves, holders that reference each other, self-referential generics, generics twenty deep,
/// the JSON and XML document types of real libraries, and code as deep as generated code gets. A stack overflow
/// cannot be caught and would end the test run with it, so the analyzers run over <c>Robustness/Shapes/*.cs</c> in a
/// child process (tests/SafePrivacy.Analyzers.Probe); every file must analyse to exactly the findings its
/// <c>// expect: SP2001, SP3002</c> comments name, line by line.
/// </summary>
public sealed class RecursiveShapeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private static readonly Regex Expectation = new(@"//\s*expect:\s*(?<ids>SP\d{4}(\s*,\s*SP\d{4})*)", RegexOptions.CultureInvariant);

    private static readonly Regex Finding = new(@"^(?<path>.+)\((?<line>\d+),\d+\): (?<id>[A-Z]+\d+): ", RegexOptions.CultureInvariant);

    private static string[] ShapeFiles() =>
        Directory.GetFiles(Repository.PathOf("tests", "SafePrivacy.Analyzers.Tests", "Robustness", "Shapes"), "*.cs")
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void EveryShape_AnalysesInAChildProcess_ToExactlyTheFindingsItExpects()
    {
        var files = ShapeFiles();
        var (exitCode, output, errors) = RunProbe(files);

        Assert.True(exitCode == 0, $"The probe exited with {exitCode} (134 is a stack overflow). The last file it named is the one that failed.\n{Tail(output)}\n{errors}");

        var found = ParseFindings(output);
        var report = new StringBuilder();
        foreach (var file in files)
        {
            var expected = ParseExpectations(File.ReadAllLines(file));
            var actual = found.TryGetValue(Path.GetFullPath(file), out var list) ? list : new List<(int Line, string Id)>();
            foreach (var missing in expected.Except(actual))
            {
                report.AppendLine($"{Path.GetFileName(file)}:{missing.Line}: expected {missing.Id}, none reported");
            }

            foreach (var extra in actual.Except(expected))
            {
                report.AppendLine($"{Path.GetFileName(file)}:{extra.Line}: {extra.Id} reported, not expected");
            }
        }

        Assert.True(report.Length == 0, report + "\n" + output);
    }

    [Fact]
    public void TheShapesCoverWhatTheyClaim_AndEveryOneExpectsFindings()
    {
        var names = ShapeFiles().Select(Path.GetFileNameWithoutExtension).ToList();

        Assert.Superset(
            new HashSet<string?> { "SelfEnumeratingType", "SelfEnumeratingLibraryType", "ListOfItself", "MutuallyReferencingHolders", "SelfReferentialGenerics", "NestedEnumerables", "JsonAndXml", "DeepCode" },
            names.ToHashSet());
        Assert.All(ShapeFiles(), file => Assert.NotEmpty(ParseExpectations(File.ReadAllLines(file))));
    }

    [Fact]
    public void AProbeThatDies_FailsWithItsExitCodeAndTheFileItWasOn()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-shape-{Guid.NewGuid():N}.cs");

        var (exitCode, _, errors) = RunProbe(new[] { missing });

        Assert.Equal(2, exitCode);
        Assert.Contains("usage", errors, StringComparison.Ordinal);
    }

    private static List<(int Line, string Id)> ParseExpectations(string[] lines)
    {
        var expected = new List<(int Line, string Id)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Expectation.Match(lines[i]);
            if (match.Success)
            {
                expected.AddRange(match.Groups["ids"].Value.Split(',').Select(id => (i + 1, id.Trim())));
            }
        }

        return expected;
    }

    private static Dictionary<string, List<(int Line, string Id)>> ParseFindings(string output)
    {
        var found = new Dictionary<string, List<(int Line, string Id)>>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            var match = Finding.Match(line.TrimEnd('\r'));
            if (!match.Success)
            {
                continue;
            }

            var path = Path.GetFullPath(match.Groups["path"].Value);
            if (!found.TryGetValue(path, out var list))
            {
                found[path] = list = new List<(int Line, string Id)>();
            }

            list.Add((int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["id"].Value));
        }

        return found;
    }

    private static (int ExitCode, string Output, string Errors) RunProbe(IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ProbePath());
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The probe did not finish in {Timeout}.\n{Tail(output.Result)}");
        }

        return (process.ExitCode, output.Result, errors.Result);
    }

    // Built beside this project (a ProjectReference that is not referenced), in the same configuration.
    private static string ProbePath()
    {
        var configuration = typeof(RecursiveShapeTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var path = Repository.PathOf("tests", "SafePrivacy.Analyzers.Probe", "bin", configuration, "net10.0", "SafePrivacy.Analyzers.Probe.dll");
        Assert.True(File.Exists(path), $"The probe is not built at {path}: build the solution (it is a project reference of this test project).");
        return path;
    }

    private static string Tail(string output) => string.Join('\n', output.Split('\n').TakeLast(20));
}
