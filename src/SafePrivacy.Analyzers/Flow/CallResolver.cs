using System.Collections.Generic;
using System.Linq;
using static SafePrivacy.Analyzers.Flow.SyntaxUnits;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// Resolves the calls a unit makes to what they can reach, by names and the receiver's type as far as syntax and
/// declarations tell it: the units of the compilation a call may run (methods of that name in a type related to
/// the receiver's, or any of that name when the receiver's type is unknown), whether it is a known sink, whether it
/// returns declared personal data.
/// </summary>
internal sealed class CallResolver
{
    private readonly DeclaredNames _declared;
    private readonly List<Unit> _units;
    private readonly Dictionary<string, NamedUnits> _unitsByName = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _implementers = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _related = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _families = new(System.StringComparer.Ordinal);

    public CallResolver(DeclaredNames declared, List<Unit> units)
    {
        _declared = declared;
        _units = units;
        for (var id = 0; id < units.Count; id++)
        {
            if (!_unitsByName.TryGetValue(units[id].Name, out var named))
            {
                _unitsByName[units[id].Name] = named = new NamedUnits();
            }

            named.Add(id, units[id]);
        }

        foreach (var family in declared.Families)
        {
            foreach (var name in family.Value)
            {
                if (!_implementers.TryGetValue(name, out var list))
                {
                    _implementers[name] = list = new List<string>();
                }

                list.Add(family.Key);
            }
        }
    }

    /// <summary>What one of a unit's calls can reach.</summary>
    internal readonly struct ResolvedCall
    {
        public ResolvedCall(IReadOnlyList<int> targets, bool isSink, bool returnsDeclaredData)
        {
            Targets = targets;
            IsSink = isSink;
            ReturnsDeclaredData = returnsDeclaredData;
        }

        public IReadOnlyList<int> Targets { get; }

        public bool IsSink { get; }

        public bool ReturnsDeclaredData { get; }
    }

    public IEnumerable<ResolvedCall> Resolve(Unit unit)
    {
        foreach (var call in unit.Calls)
        {
            if (call.Kind == ReceiverKind.Creation)
            {
                var created = Targets(call.Name, call.RootTypes, constructors: true);
                var sink = _declared.SinkCreations.Contains(call.Name) || call.Name.EndsWith("Exception", System.StringComparison.Ordinal);
                yield return new ResolvedCall(created, sink, returnsDeclaredData: false);
                continue;
            }

            var receiver = ReceiverTypes(call, unit);
            yield return new ResolvedCall(
                Targets(call.Name, receiver, constructors: false, onInstance: call.OnInstance),
                IsSink(call, receiver),
                Matches(_declared.DataMethods.TypesOf(call.Name), receiver));
        }

        // A bare name may read a property or pass a method group of the containing type (or an outer or imported one).
        foreach (var name in unit.BareNames)
        {
            if (_unitsByName.ContainsKey(name))
            {
                var own = Targets(name, ContainingFamily(unit), constructors: false);
                yield return new ResolvedCall(own.Count > 0 ? own : Targets(name, null, constructors: false), isSink: false, returnsDeclaredData: false);
            }
        }
    }

    // The receiver's possible types by simple name, or null when syntax and declarations cannot tell.
    private IReadOnlyCollection<string>? ReceiverTypes(Call call, Unit unit)
    {
        IReadOnlyCollection<string>? types = call.Kind switch
        {
            ReceiverKind.Implicit or ReceiverKind.This => ContainingFamily(unit),
            ReceiverKind.Types => call.RootTypes,
            ReceiverKind.Name when call.RootTypes.Length > 0 => call.RootTypes,
            ReceiverKind.Name => MemberOrTypeNamed(call.RootName!, unit),
            _ => null,
        };

        foreach (var segment in call.Path)
        {
            if (types is null)
            {
                return null;
            }

            types = MemberTypes(types, segment);
        }

        return types;
    }

    // The containing type, as a receiver: calls without one run its members, or its derived types' overrides.
    private static IReadOnlyCollection<string>? ContainingFamily(Unit unit) =>
        unit.ContainingTypeName is { } name ? new[] { name } : null;

    // A name is a member of the containing type (its declared type), else a type (a static call), else unknown.
    private IReadOnlyCollection<string>? MemberOrTypeNamed(string name, Unit unit)
    {
        if (ContainingFamily(unit) is { } family && MemberTypes(family, name) is { } memberTypes)
        {
            return memberTypes;
        }

        return name.Length > 0 && char.IsUpper(name[0]) ? new[] { name } : null;
    }

    private IReadOnlyCollection<string>? MemberTypes(IReadOnlyCollection<string> types, string member)
    {
        HashSet<string>? found = null;
        foreach (var type in Family(types))
        {
            if (_declared.MemberTypes.TryGetValue((type, member), out var names))
            {
                (found ??= new HashSet<string>(System.StringComparer.Ordinal)).UnionWith(names);
            }
        }

        return found;
    }

    private IReadOnlyList<int> Targets(string name, IReadOnlyCollection<string>? receiver, bool constructors, bool onInstance = false)
    {
        if (!_unitsByName.TryGetValue(name, out var named))
        {
            return System.Array.Empty<int>();
        }

        if (receiver is null && !onInstance)
        {
            return named.All;
        }

        var related = receiver is null ? null : Related(receiver);
        return related is not null && related.Count < named.All.Count
            ? named.InTypes(related, constructors ? name : null)
            : named.Where(_units, related, constructors ? name : null);
    }

    /// <summary>
    /// The units of one name, also by their containing type: a common name (Get, Add, Create) has hundreds, and a call
    /// on a receiver of known type looks only in the types related to it.
    /// </summary>
    private sealed class NamedUnits
    {
        private readonly Dictionary<string, List<int>> _byType = new(System.StringComparer.Ordinal);
        private readonly List<int> _extensionsAndFree = new();

        public List<int> All { get; } = new();

        public void Add(int id, Unit unit)
        {
            All.Add(id);
            if (unit.IsExtension || unit.ContainingTypeName is null)
            {
                _extensionsAndFree.Add(id);
            }

            if (unit.ContainingTypeName is { } type)
            {
                if (!_byType.TryGetValue(type, out var ids))
                {
                    _byType[type] = ids = new List<int>();
                }

                ids.Add(id);
            }
        }

        // What a call on a receiver of the related types may run: an extension or free unit, a unit declared in one of
        // them, a constructor of the created type. The same units as Where, found through the index.
        public IReadOnlyList<int> InTypes(HashSet<string> related, string? createdType)
        {
            var targets = new List<int>(_extensionsAndFree);
            foreach (var type in related)
            {
                if (_byType.TryGetValue(type, out var ids))
                {
                    targets.AddRange(ids);
                }
            }

            if (createdType is not null && !related.Contains(createdType) && _byType.TryGetValue(createdType, out var constructors))
            {
                targets.AddRange(constructors);
            }

            // In id order, each once (an extension method declared in a related type is found twice).
            targets.Sort();
            var kept = 0;
            for (var i = 0; i < targets.Count; i++)
            {
                if (kept == 0 || targets[kept - 1] != targets[i])
                {
                    targets[kept++] = targets[i];
                }
            }

            targets.RemoveRange(kept, targets.Count - kept);
            return targets;
        }

        // The same by looking at every unit of the name: cheaper where the name has fewer units than there are related
        // types, and the only way when the receiver's type is unknown (an instance call: any instance member).
        public IReadOnlyList<int> Where(List<Unit> units, HashSet<string>? related, string? createdType)
        {
            var targets = new List<int>();
            foreach (var id in All)
            {
                var unit = units[id];
                if (unit.IsExtension
                    || (related is null ? !unit.IsStatic : unit.ContainingTypeName is null || related.Contains(unit.ContainingTypeName))
                    || (createdType is not null && unit.ContainingTypeName == createdType))
                {
                    targets.Add(id);
                }
            }

            return targets;
        }
    }

    private bool IsSink(Call call, IReadOnlyCollection<string>? receiver)
    {
        if (_declared.SinkMembers.Contains(call.Name) || Matches(_declared.SinkMethods.TypesOf(call.Name), receiver))
        {
            return true;
        }

        // Receiver-bound sinks: exception.Data.Add(…), mail.To.Add(…), Console.Out.WriteLine(…).
        var receiverProperty = call.Path.Length > 0 ? call.Path[call.Path.Length - 1] : call.RootName;
        return receiverProperty is not null && _declared.ReceiverSinks.TypesOf(call.Name) is { } properties && properties.Contains(receiverProperty);
    }

    // Whether a method name declared on these types can be the one a receiver of these types calls.
    private bool Matches(HashSet<string>? declaringTypes, IReadOnlyCollection<string>? receiver) =>
        declaringTypes is not null && (receiver is null || declaringTypes.Contains(QualifiedNames.AnyType) || Related(receiver).Overlaps(declaringTypes));

    // The types a receiver of these types is, by simple name: themselves, their base types and interfaces. The
    // members it can be asked for are declared on one of them.
    private HashSet<string> Family(IReadOnlyCollection<string> types) => Cached(_families, types, expandImplementers: false);

    // The types whose members a call on a receiver of these types may run: its family, and every type of the
    // compilation that derives from or implements one of them (an override, an implementation) with its own family.
    private HashSet<string> Related(IReadOnlyCollection<string> types) => Cached(_related, types, expandImplementers: true);

    private HashSet<string> Cached(Dictionary<string, HashSet<string>> cache, IReadOnlyCollection<string> types, bool expandImplementers)
    {
        var key = types.Count == 1 ? types.First() : string.Join("|", types.OrderBy(t => t, System.StringComparer.Ordinal));
        if (cache.TryGetValue(key, out var found))
        {
            return found;
        }

        found = new HashSet<string>(types, System.StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (_declared.Families.TryGetValue(type, out var family))
            {
                found.UnionWith(family);
            }

            if (expandImplementers && _implementers.TryGetValue(type, out var implementers))
            {
                foreach (var implementer in implementers)
                {
                    found.UnionWith(_declared.Families[implementer]);
                }
            }
        }

        cache[key] = found;
        return found;
    }
}
