using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Configuration;

namespace SafePrivacy.Analyzers.Sinks;

/// <summary>
/// Sinks a project lists in .editorconfig, for wrappers it cannot annotate:
/// <code>
/// safe_privacy.log_sinks = MyApp.Audit.AuditLog.Write, MyApp.Audit.AuditLog.Record:details
/// safe_privacy.storage_sinks = MyApp.Data.BlobStore.Put
/// safe_privacy.transfer_sinks = MyApp.Partners.CrmClient.Send
/// </code>
/// Each entry is a method's full name (every overload, every parameter) or <c>name:parameter</c> for one parameter.
/// </summary>
internal sealed class ConfiguredSinks
{
    public const string LogSinksKey = "safe_privacy.log_sinks";
    public const string StorageSinksKey = "safe_privacy.storage_sinks";
    public const string TransferSinksKey = "safe_privacy.transfer_sinks";

    public static readonly ConfiguredSinks None = new(ImmutableDictionary<string, (SinkKind, string?)>.Empty);

    private readonly ImmutableDictionary<string, (SinkKind Kind, string? Parameter)> _methods;

    // The listed methods' own names: a call to any other name is settled without formatting its type's name.
    private readonly ImmutableHashSet<string> _methodNames;

    private ConfiguredSinks(ImmutableDictionary<string, (SinkKind, string?)> methods)
    {
        _methods = methods;
        _methodNames = methods.Keys.Select(k => k.Substring(k.LastIndexOf('.') + 1)).ToImmutableHashSet(StringComparer.Ordinal);
    }

    public bool IsEmpty => _methods.IsEmpty;

    /// <summary>The listed methods' full names (<c>MyApp.Audit.AuditLog.Write</c>).</summary>
    public IEnumerable<string> QualifiedNames => _methods.Keys;

    /// <summary>
    /// The sinks a file's options list. <paramref name="parsed"/> keeps each distinct text parsed once: it belongs to
    /// the compilation's model, so nothing outlives the options it was read from.
    /// </summary>
    public static ConfiguredSinks From(AnalyzerConfigOptions options, ConcurrentDictionary<string, ConfiguredSinks> parsed)
    {
        options.TryGetValue(LogSinksKey, out var log);
        options.TryGetValue(StorageSinksKey, out var storage);
        options.TryGetValue(TransferSinksKey, out var transfer);
        if (string.IsNullOrWhiteSpace(log) && string.IsNullOrWhiteSpace(storage) && string.IsNullOrWhiteSpace(transfer))
        {
            return None;
        }

        // The same settings apply to every file of a project: parse each distinct text once.
        return parsed.GetOrAdd($"{log}\n{storage}\n{transfer}", _ =>
        {
            var methods = ImmutableDictionary.CreateBuilder<string, (SinkKind, string?)>(StringComparer.Ordinal);
            Add(methods, log, SinkKind.Log);
            Add(methods, storage, SinkKind.Storage);
            Add(methods, transfer, SinkKind.Transfer);
            return new ConfiguredSinks(methods.ToImmutable());
        });
    }

    public ResolvedSink? Resolve(IMethodSymbol method)
    {
        if (_methods.IsEmpty || method.ContainingType is null || method.MethodKind == MethodKind.DelegateInvoke)
        {
            return null;
        }

        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (!_methodNames.Contains(definition.Name))
        {
            return null;
        }

        var name = definition.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None)) + "." + definition.Name;
        if (!_methods.TryGetValue(name, out var configured))
        {
            return null;
        }

        var modes = definition.Parameters
            .Select(p => configured.Parameter is null || p.Name == configured.Parameter ? (RenderMode?)RenderMode.Serialized : null)
            .ToImmutableArray();
        return modes.Any(m => m is not null) ? new ResolvedSink(configured.Kind, SinkResolver.Display(definition), modes) : null;
    }

    // How many namespaces and types deep an entry's name is followed (MyApp.Audit.Outer.Inner.Write).
    private const int MaximumNameDepth = 32;

    /// <summary>
    /// The entries of a file's sink options that name no method of the compilation or its references, or a parameter
    /// the method does not have: a misspelt sink is silently no sink.
    /// </summary>
    /// <param name="options">The file's options.</param>
    /// <param name="compilation">What the entries must name.</param>
    /// <param name="checkedEntries">Entries already checked, with their problem: every file of a project has the same.</param>
    public static ImmutableArray<(string Key, string Value, string Problem)> Problems(AnalyzerConfigOptions options, Compilation compilation, Dictionary<string, string?> checkedEntries)
    {
        var problems = ImmutableArray.CreateBuilder<(string, string, string)>();
        foreach (var key in new[] { LogSinksKey, StorageSinksKey, TransferSinksKey })
        {
            if (!options.TryGetValue(key, out var list))
            {
                continue;
            }

            foreach (var entry in OptionLists.Split(list))
            {
                if (!checkedEntries.TryGetValue(entry, out var found))
                {
                    checkedEntries[entry] = found = ProblemOf(entry, compilation);
                }

                if (found is { } problem)
                {
                    problems.Add((key, entry, problem));
                }
            }
        }

        return problems.ToImmutable();
    }

    private static string? ProblemOf(string entry, Compilation compilation)
    {
        var colon = entry.IndexOf(':');
        var name = colon < 0 ? entry : entry.Substring(0, colon).Trim();
        var parameter = colon < 0 ? null : entry.Substring(colon + 1).Trim();
        var dot = name.LastIndexOf('.');
        if (dot <= 0 || dot == name.Length - 1)
        {
            return "an entry is a method's full name, Namespace.Type.Method, or Namespace.Type.Method:parameter";
        }

        var methodName = name.Substring(dot + 1);
        var types = TypesNamed(compilation.GlobalNamespace, name.Substring(0, dot).Split('.'));
        if (types.Count == 0)
        {
            return $"no type '{name.Substring(0, dot)}' is in the compilation or its references, so it is no sink";
        }

        var methods = types.SelectMany(t => t.GetMembers(methodName)).OfType<IMethodSymbol>().ToList();
        if (methods.Count == 0)
        {
            return $"'{name.Substring(0, dot)}' has no method '{methodName}', so it is no sink";
        }

        return !string.IsNullOrEmpty(parameter) && !methods.Any(m => m.Parameters.Any(p => p.Name == parameter))
            ? $"no '{methodName}' has a parameter '{parameter}', so it is no sink"
            : null;
    }

    // The types a dotted name can mean, each segment a namespace or a type of any arity (as entries are written).
    private static List<INamedTypeSymbol> TypesNamed(INamespaceSymbol global, string[] segments)
    {
        var current = new List<INamespaceOrTypeSymbol> { global };
        for (var i = 0; i < segments.Length && i < MaximumNameDepth && current.Count > 0; i++)
        {
            var next = new List<INamespaceOrTypeSymbol>();
            foreach (var container in current)
            {
                next.AddRange(container.GetMembers(segments[i]).OfType<INamespaceOrTypeSymbol>());
            }

            current = next;
        }

        return segments.Length > MaximumNameDepth ? new List<INamedTypeSymbol>() : current.OfType<INamedTypeSymbol>().ToList();
    }

    private static void Add(ImmutableDictionary<string, (SinkKind, string?)>.Builder methods, string? list, SinkKind kind)
    {
        foreach (var entry in OptionLists.Split(list))
        {
            var colon = entry.IndexOf(':');
            var name = colon < 0 ? entry : entry.Substring(0, colon).Trim();
            var parameter = colon < 0 ? null : entry.Substring(colon + 1).Trim();
            if (name.Length > 0)
            {
                methods[name] = (kind, string.IsNullOrEmpty(parameter) ? null : parameter);
            }
        }
    }
}
