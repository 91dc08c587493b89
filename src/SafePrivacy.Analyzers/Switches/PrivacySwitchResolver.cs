using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SafePrivacy.Analyzers.Switches;

/// <summary>A catalogue switch whose type the compilation has, with its enum fields' values read from metadata.</summary>
internal sealed class ResolvedSwitch
{
    public ResolvedSwitch(PrivacySwitch entry, INamedTypeSymbol type, ImmutableArray<(long Mask, string Exposes)> fields, long offValue)
    {
        Entry = entry;
        Type = type;
        Fields = fields;
        OffValue = offValue;
    }

    public PrivacySwitch Entry { get; }

    public INamedTypeSymbol Type { get; }

    /// <summary>For flags: each field that exposes data, as its bits.</summary>
    public ImmutableArray<(long Mask, string Exposes)> Fields { get; }

    /// <summary>For an enum: the value that leaves the switch off.</summary>
    public long OffValue { get; }

    /// <summary>The bits of every exposing field, for flags; 1 for any other switch that is on.</summary>
    public long AllExposed => Entry.Value == SwitchValue.Flags ? Fields.Aggregate(0L, (all, f) => all | f.Mask) : 1L;

    /// <summary>What the switch makes the framework do, given the exposing bits found on.</summary>
    public string Describe(long exposed) => Entry.Value != SwitchValue.Flags
        ? Entry.Exposes
        : string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            Entry.Exposes,
            string.Join(" and ", Fields.Where(f => (f.Mask & exposed) != 0).Select(f => f.Exposes)));
}

/// <summary>Resolves the catalogue once per compilation, indexed by member name for the per-operation lookups.</summary>
internal sealed class PrivacySwitchResolver
{
    private readonly Dictionary<string, List<ResolvedSwitch>> _byMember;

    private PrivacySwitchResolver(Dictionary<string, List<ResolvedSwitch>> byMember) => _byMember = byMember;

    /// <summary>The switches of <paramref name="compilation"/>, or null when it has none of their types.</summary>
    public static PrivacySwitchResolver? Create(Compilation compilation)
    {
        var byMember = new Dictionary<string, List<ResolvedSwitch>>(StringComparer.Ordinal);
        foreach (var entry in PrivacySwitchCatalogue.Entries)
        {
            if (compilation.GetTypeByMetadataName(entry.TypeName) is not { } type || Resolve(compilation, entry, type) is not { } resolved)
            {
                continue;
            }

            if (!byMember.TryGetValue(entry.Member, out var list))
            {
                byMember[entry.Member] = list = new List<ResolvedSwitch>();
            }

            list.Add(resolved);
        }

        return byMember.Count == 0 ? null : new PrivacySwitchResolver(byMember);
    }

    /// <summary>The switch <paramref name="member"/> (a property, method or constructor) is, if any.</summary>
    public ResolvedSwitch? Find(ISymbol member)
    {
        var name = member is IMethodSymbol { MethodKind: MethodKind.Constructor } ? ".ctor" : member.Name;
        if (!_byMember.TryGetValue(name, out var candidates))
        {
            return null;
        }

        // An override (a project's own options builder) is the same switch as the member it overrides.
        for (var current = member; current is not null; current = Overridden(current))
        {
            var declaring = current.ContainingType?.OriginalDefinition;
            foreach (var candidate in candidates)
            {
                if (SymbolEqualityComparer.Default.Equals(declaring, candidate.Type))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static ISymbol? Overridden(ISymbol member) => member switch
    {
        IMethodSymbol method => method.OverriddenMethod,
        IPropertySymbol property => property.OverriddenProperty,
        _ => null,
    };

    private static ResolvedSwitch? Resolve(Compilation compilation, PrivacySwitch entry, INamedTypeSymbol type)
    {
        if (entry.Value == SwitchValue.Boolean)
        {
            return new ResolvedSwitch(entry, type, ImmutableArray<(long, string)>.Empty, 0);
        }

        // An enum the compilation cannot see (or whose fields moved) leaves the switch unknown rather than guessed.
        if (entry.EnumType is null || compilation.GetTypeByMetadataName(entry.EnumType) is not { TypeKind: TypeKind.Enum } enumType)
        {
            return null;
        }

        var fields = ImmutableArray.CreateBuilder<(long, string)>();
        foreach (var (name, exposes) in entry.Fields)
        {
            if (ValueOf(enumType, name) is not { } value)
            {
                return null;
            }

            fields.Add((value, exposes));
        }

        return entry.Value == SwitchValue.Enum
            ? new ResolvedSwitch(entry, type, ImmutableArray<(long, string)>.Empty, fields[0].Item1)
            : new ResolvedSwitch(entry, type, fields.ToImmutable(), 0);
    }

    private static long? ValueOf(INamedTypeSymbol enumType, string field) =>
        enumType.GetMembers(field).OfType<IFieldSymbol>().FirstOrDefault() is { HasConstantValue: true, ConstantValue: { } value }
            ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
