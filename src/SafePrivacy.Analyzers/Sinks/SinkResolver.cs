using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Flow;

namespace SafePrivacy.Analyzers.Sinks;

/// <summary>
/// Decides, once per method per compilation, whether calling it is a sink: the catalogue (resolved to the types
/// this compilation can see), the sink attributes, <c>[LoggerMessage]</c> methods and <c>LoggerMessage.Define</c>
/// delegates. Sinks listed in .editorconfig are matched per call, by <see cref="ConfiguredSinks"/>.
/// </summary>
internal sealed class SinkResolver
{
    private const string LoggerMessageAttribute = "Microsoft.Extensions.Logging.LoggerMessageAttribute";
    private const string MelLogger = "Microsoft.Extensions.Logging.ILogger";

    // The catalogue by its types' metadata names without namespace ("DbSet`1"): a type is matched by that first, and
    // only then by its full name, so no type is formatted and no reference searched to find one.
    private static readonly Dictionary<string, List<SinkEntry>> EntriesByTypeName = IndexCatalogue();

    // Every method name the catalogue knows: a method of any other name is not a catalogue sink.
    private static readonly HashSet<string> CatalogueMethodNames = new(SinkCatalogue.Entries.SelectMany(e => e.MethodNames), StringComparer.Ordinal);

    private readonly AnnotationScope _scope;
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<ResolvedSink>> _cache = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, List<SinkEntry>?> _entriesByType = new(SymbolEqualityComparer.Default);

    public SinkResolver(AnnotationScope scope) => _scope = scope;

    private static Dictionary<string, List<SinkEntry>> IndexCatalogue()
    {
        var index = new Dictionary<string, List<SinkEntry>>(StringComparer.Ordinal);
        foreach (var entry in SinkCatalogue.Entries)
        {
            var name = entry.TypeName.Substring(entry.TypeName.LastIndexOf('.') + 1);
            if (!index.TryGetValue(name, out var list))
            {
                index[name] = list = new List<SinkEntry>();
            }

            list.Add(entry);
        }

        return index;
    }

    /// <summary>
    /// Every way calling <paramref name="method"/> is a sink: usually none or one, but one call may be two kinds
    /// at once (an HTTP POST sends a body and a URL) or depend on its receiver (TextWriter.Write to the console or a file).
    /// </summary>
    public ImmutableArray<ResolvedSink> Resolve(IMethodSymbol method)
    {
        // A delegate's Invoke is judged on its constructed signature (Action<ILogger, string, Exception?>).
        var definition = method.MethodKind == MethodKind.DelegateInvoke ? method : (method.ReducedFrom ?? method).OriginalDefinition;
        if (!MaybeSink(definition))
        {
            return ImmutableArray<ResolvedSink>.Empty;
        }

        return _cache.GetOrAdd(definition, Compute);
    }

    // Most calls are to library methods no catalogue entry names, in assemblies that carry no annotations: settled
    // without a dictionary. Attributes ([LogSink], [LoggerMessage], [ModerationClassifier]) only come from code that
    // can carry annotations, and a LoggerMessage.Define delegate is an Invoke.
    private bool MaybeSink(IMethodSymbol method) =>
        method.MethodKind is MethodKind.DelegateInvoke or MethodKind.Constructor
        || CatalogueMethodNames.Contains(method.Name)
        || _scope.MayAnnotate(method);

    private ImmutableArray<ResolvedSink> Compute(IMethodSymbol method)
    {
        var declared = FromAttributes(method) ?? FromLoggerMessage(method) ?? FromLoggerMessageDelegate(method);
        var classifier = FromClassifier(method);
        var catalogue = FromCatalogue(method);
        var all = ImmutableArray.CreateBuilder<ResolvedSink>();
        if (declared is not null)
        {
            all.Add(declared);
        }

        if (classifier is not null)
        {
            all.Add(classifier);
        }

        all.AddRange(catalogue);
        return all.ToImmutable();
    }

    // A [ModerationClassifier] method, or a method of a [ModerationClassifier] type or interface (and what
    // implements or overrides one): everything it is given is classified.
    private static ResolvedSink? FromClassifier(IMethodSymbol method)
    {
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation) || method.DeclaredAccessibility == Accessibility.Private)
        {
            return null;
        }

        foreach (var candidate in SelfAndInherited(method))
        {
            if (AttributeNames.Find(candidate, AttributeNames.ModerationClassifier) is not null
                || (candidate.ContainingType is { } type && AttributeNames.Find(type, AttributeNames.ModerationClassifier) is not null))
            {
                return new ResolvedSink(SinkKind.Classifier, Display(method), method.Parameters.Select(_ => (RenderMode?)RenderMode.Serialized).ToImmutableArray());
            }
        }

        return null;
    }

    // [LogSink], [StorageSink], [ExternalTransfer] on the method (every parameter) or on parameters, inherited
    // from what the method overrides or implements so that calls through an interface count.
    private static ResolvedSink? FromAttributes(IMethodSymbol method)
    {
        foreach (var candidate in SelfAndInherited(method))
        {
            if (SinkKindOf(candidate.GetAttributes()) is { } methodKind)
            {
                return new ResolvedSink(methodKind, Display(method), candidate.Parameters.Select(_ => (RenderMode?)RenderMode.Serialized).ToImmutableArray());
            }

            SinkKind? parameterKind = null;
            var modes = candidate.Parameters.Select(p =>
            {
                var kind = SinkKindOf(p.GetAttributes());
                parameterKind ??= kind;
                return kind is null ? (RenderMode?)null : RenderMode.Serialized;
            }).ToImmutableArray();
            if (parameterKind is { } kindFromParameters)
            {
                return new ResolvedSink(kindFromParameters, Display(method), modes);
            }
        }

        return null;
    }

    private static SinkKind? SinkKindOf(ImmutableArray<AttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (AttributeNames.Is(attribute.AttributeClass, AttributeNames.LogSink))
            {
                return SinkKind.Log;
            }

            if (AttributeNames.Is(attribute.AttributeClass, AttributeNames.StorageSink))
            {
                return SinkKind.Storage;
            }

            if (AttributeNames.Is(attribute.AttributeClass, AttributeNames.ExternalTransfer))
            {
                return SinkKind.Transfer;
            }
        }

        return null;
    }

    // [LoggerMessage] partial methods: every parameter but the logger, level and exception fills the hole of the
    // same name in the declared message, destructured when the hole is written {@name}.
    private static ResolvedSink? FromLoggerMessage(IMethodSymbol method)
    {
        var attribute = method.GetAttributes().FirstOrDefault(a => MetadataNames.Is(a.AttributeClass, LoggerMessageAttribute));
        if (attribute is null)
        {
            return null;
        }

        var template = AttributeArguments.NamedString(attribute, "Message")
            ?? attribute.ConstructorArguments.Select(a => a.Value).OfType<string>().FirstOrDefault()
            ?? string.Empty;
        var holes = MessageTemplate.Parse(template);
        var modes = method.Parameters.Select(p => IsLoggingPlumbing(p.Type)
            ? (RenderMode?)null
            : holes.Any(h => h.Destructure && string.Equals(h.Name, p.Name, StringComparison.OrdinalIgnoreCase)) ? RenderMode.Serialized : RenderMode.Elements)
            .ToImmutableArray();
        return new ResolvedSink(SinkKind.Log, $"[LoggerMessage] {method.ContainingType.Name}.{method.Name}", modes, template: template);
    }

    // Invoking what LoggerMessage.Define returns, an Action<ILogger, T1, …, Exception?>, or what DefineScope returns,
    // a Func<ILogger, T1, …, IDisposable?>: its values are the message's, or the scope's.
    private static ResolvedSink? FromLoggerMessageDelegate(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.DelegateInvoke || method.ContainingType is not { } type)
        {
            return null;
        }

        var isScope = LoggerMessageDelegates.IsScope(type);
        if (!isScope && !LoggerMessageDelegates.IsMessage(type))
        {
            return null;
        }

        var last = method.Parameters.Length - 1;
        var modes = method.Parameters.Select((p, i) => i == 0 || (!isScope && i == last) ? (RenderMode?)null : RenderMode.Elements).ToImmutableArray();
        return new ResolvedSink(SinkKind.Log, isScope ? "LoggerMessage.DefineScope delegate" : "LoggerMessage.Define delegate", modes);
    }

    private IEnumerable<ResolvedSink> FromCatalogue(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Constructor && !CatalogueMethodNames.Contains(method.Name))
        {
            yield break;
        }

        var seen = new HashSet<SinkEntry>();
        foreach (var (type, entry) in CandidateEntries(method))
        {
            var modes = method.Parameters.Select(p => entry.ModeOf(p.Name)).ToImmutableArray();
            var destination = entry.Destination is null ? -1 : method.Parameters.FirstOrDefault(p => entry.Destination.Split('|').Contains(p.Name))?.Ordinal ?? -1;
            if (modes.All(m => m is null) || (entry.Destination is not null && destination < 0) || !seen.Add(entry))
            {
                continue;
            }

            var display = method.MethodKind == MethodKind.Constructor
                ? "new " + method.ContainingType.Name
                : $"{entry.DisplayType ?? type.Name}.{MemberName(method)}";
            yield return new ResolvedSink(entry.Kind, display, modes, entry.Receiver, receiverType: entry.ReceiverType, destinationOrdinal: destination, condition: entry.Condition);
        }
    }

    private IEnumerable<(INamedTypeSymbol Type, SinkEntry Entry)> CandidateEntries(IMethodSymbol method)
    {
        var name = method.MethodKind == MethodKind.Constructor ? ".ctor" : method.Name;
        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (EntriesOf(type) is { } entries)
            {
                foreach (var entry in entries)
                {
                    var declaredHere = SymbolEqualityComparer.Default.Equals(type, method.ContainingType);
                    if (entry.MethodNames.Contains(name) && (declaredHere || entry.Match == SinkMatch.Derived))
                    {
                        yield return (type, entry);
                    }
                }
            }
        }

        if (method.MethodKind == MethodKind.Constructor || method.IsStatic)
        {
            yield break;
        }

        foreach (var @interface in method.ContainingType.AllInterfaces)
        {
            if (EntriesOf(@interface) is not { } entries)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry.Match != SinkMatch.Implementation || !entry.MethodNames.Contains(name))
                {
                    continue;
                }

                foreach (var member in @interface.GetMembers(name))
                {
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member)?.OriginalDefinition, method))
                    {
                        yield return (@interface, entry);
                    }
                }
            }
        }
    }

    // The catalogue entries of a type, matched by metadata name once per type.
    private List<SinkEntry>? EntriesOf(INamedTypeSymbol type) => _entriesByType.GetOrAdd(type.OriginalDefinition, t =>
    {
        if (!EntriesByTypeName.TryGetValue(t.MetadataName, out var candidates))
        {
            return null;
        }

        var matching = candidates.Where(e => MetadataNames.Is(t, e.TypeName)).ToList();
        return matching.Count == 0 ? null : matching;
    });

    private static IEnumerable<IMethodSymbol> SelfAndInherited(IMethodSymbol method)
    {
        yield return method;
        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            yield return overridden;
        }

        if (method.ContainingType is null || method.IsStatic)
        {
            yield break;
        }

        foreach (var @interface in method.ContainingType.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(method.Name).OfType<IMethodSymbol>())
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member)?.OriginalDefinition, method))
                {
                    yield return member;
                }
            }
        }
    }

    private static bool IsLoggingPlumbing(ITypeSymbol type) =>
        MetadataNames.Is(type, MelLogger) || MetadataNames.Is(type, "Microsoft.Extensions.Logging.LogLevel") || MetadataNames.Is(type, "System.Exception")
        || MetadataNames.Is(type, "Microsoft.Extensions.Logging.ILogger`1");

    internal static string Display(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Constructor ? "new " + method.ContainingType.Name : $"{method.ContainingType?.Name}.{MemberName(method)}";

    private static string MemberName(IMethodSymbol method) =>
        method.AssociatedSymbol is IPropertySymbol property ? (property.IsIndexer ? "this[]" : property.Name) : method.Name;
}
