using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers;
using SafePrivacy.Analyzers.Inventory;

namespace SafePrivacy.Cli.Scanning;

/// <summary>
/// The SafePrivacy analyzers, taken from the very assembly the NuGet package ships (found through the inventory
/// API's assembly), and their rules as reports describe them.
/// </summary>
internal static class Rules
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(ProcessingInventory).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract
            && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>()?.Languages.Contains(LanguageNames.CSharp) == true)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>One descriptor per rule ID (a rule may report with several messages; they share title and help).</summary>
    public static ImmutableArray<DiagnosticDescriptor> Descriptors { get; } = Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .GroupBy(d => d.Id, StringComparer.Ordinal)
        .Select(g => g.First())
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>Each rule's name as the analyzers' <see cref="RuleIds"/> spell it ('PersonalDataLogged' for SP2001).</summary>
    private static readonly ImmutableDictionary<string, string> Names = typeof(RuleIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .ToImmutableDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name, StringComparer.Ordinal);

    public static DiagnosticDescriptor? Find(string id) => Descriptors.FirstOrDefault(d => d.Id == id);

    public static string Name(string id) => Names.TryGetValue(id, out var name) ? name : id;

    public static string Title(string id) => Find(id)?.Title.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? id;

    public static string HelpUri(string id) => Find(id)?.HelpLinkUri ?? string.Empty;

    public static bool IsSafePrivacy(string id) => id.StartsWith("SP", StringComparison.Ordinal) && Find(id) is not null;
}
