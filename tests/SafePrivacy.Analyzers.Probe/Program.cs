using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SafePrivacy.Analyzers.Probe;

/// <summary>
/// <c>SafePrivacy.Analyzers.Probe FILE.cs...</c>: compiles each file on its own (a file holding the line
/// <see cref="LibraryMarker"/> is two projects, the part above referenced as metadata by the part below), runs
/// every SafePrivacy analyzer over it concurrently, as a build does, and prints each diagnostic as
/// <c>FILE(LINE,COLUMN): ID: MESSAGE</c>. Exit codes: 0 analysed, 1 an analyzer threw, 2 usage, 3 a file does not
/// compile. A stack overflow cannot be caught: it ends this process, which is why it is a process of its own.
/// </summary>
internal static class Program
{
    public const string LibraryMarker = "// ---- library above, application below ----";

    private static readonly ImmutableArray<MetadataReference> References = TrustedPlatformAssemblies();

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(Rules.PersonalDataLoggedAnalyzer).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    public static int Main(string[] args)
    {
        if (args.Length == 0 || args.Any(path => !File.Exists(path)))
        {
            Console.Error.WriteLine("usage: SafePrivacy.Analyzers.Probe FILE.cs... (every file must exist)");
            return 2;
        }

        var exit = 0;
        foreach (var path in args)
        {
            // Written before the analysis, so the file that kills the process is the last one named.
            Console.WriteLine($"== {path}");
            Console.Out.Flush();
            exit = Math.Max(exit, Probe(path));
        }

        return exit;
    }

    private static int Probe(string path)
    {
        var text = File.ReadAllText(path);
        var parts = text.Split(LibraryMarker);
        var references = References;
        if (parts.Length == 2)
        {
            var library = Compile("Library", parts[0], path, references);
            if (Errors(library, path))
            {
                return 3;
            }

            references = references.Add(library.ToMetadataReference());
        }

        // Blank lines in place of the library keep the application's line numbers those of the file.
        var application = Compile("Application", parts.Length == 2 ? new string('\n', parts[0].Count(c => c == '\n')) + parts[1] : text, path, references);
        if (Errors(application, path))
        {
            return 3;
        }

        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = application.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            var position = diagnostic.Location.GetLineSpan().StartLinePosition;
            Console.WriteLine($"{path}({position.Line + 1},{position.Character + 1}): {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
        }

        var failures = exceptions.Concat(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage(CultureInfo.InvariantCulture))).ToList();
        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"{path}: {failure}");
        }

        return failures.Count == 0 ? 0 : 1;
    }

    private static CSharpCompilation Compile(string name, string source, string path, IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static bool Errors(Compilation compilation, string path)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var error in errors)
        {
            Console.Error.WriteLine($"{path}: {compilation.AssemblyName} does not compile: {error}");
        }

        return errors.Count > 0;
    }

    // The runtime's own assemblies and this program's packages: the real types the probed sources use.
    private static ImmutableArray<MetadataReference> TrustedPlatformAssemblies() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                && !Path.GetFileName(path).StartsWith("SafePrivacy.Analyzers", StringComparison.OrdinalIgnoreCase))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
}
