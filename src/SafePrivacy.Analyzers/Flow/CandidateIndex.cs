using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// Which bodies of a compilation can see personal data meet a sink, decided from syntax and declarations alone — no
/// body is bound. Every declaration with a body (a unit, see <see cref="SyntaxUnits"/>) is read once for the names it
/// mentions and the calls it makes, each call with what its receiver's type can be told to be without binding
/// (<c>_customers.FindAsync(id)</c> on a field declared <c>ICustomerRepository</c>). Then, starting from
/// <see cref="DeclaredNames"/>, a closure over the call graph those calls describe: a unit that mentions personal
/// data and returns a value passes data to its callers; a unit that reaches a sink is a sink for its callers; a
/// unit that has both, or calls one that does, is a candidate — the only bodies the flow engine walks, and the only
/// helpers it summarises unless it hands them data. Where a receiver's type cannot be told, a call matches every
/// method of its name: the index over-approximates, never under, so a body it skips has no flow to find.
/// </summary>
internal sealed class CandidateIndex
{
    // Per tree, so that in an IDE only edited files are read again for each new compilation.
    private static readonly ConditionalWeakTable<SyntaxTree, SyntaxUnits> Scans = new();

    private readonly Dictionary<SyntaxTree, SyntaxUnits> _trees;
    private readonly Dictionary<SyntaxUnits, int> _firstId;
    private readonly bool[] _returnsData;
    private readonly bool[] _hasSink;
    private readonly bool[] _isCandidate;

    private readonly HashSet<string> _dataMembers;

    private CandidateIndex(Dictionary<SyntaxTree, SyntaxUnits> trees, Dictionary<SyntaxUnits, int> firstId, bool[] returnsData, bool[] hasSink, bool[] isCandidate, HashSet<string> dataMembers)
    {
        _dataMembers = dataMembers;
        _trees = trees;
        _firstId = firstId;
        _returnsData = returnsData;
        _hasSink = hasSink;
        _isCandidate = isCandidate;
        Units = isCandidate.Length;
        Candidates = isCandidate.Count(c => c);
    }

    /// <summary>How many declarations with a body the compilation has.</summary>
    public int Units { get; }

    /// <summary>How many of them the flow engine walks.</summary>
    public int Candidates { get; }

    /// <summary>Whether the body made of <paramref name="blocks"/> is walked: personal data may meet a sink in it.</summary>
    public bool IsCandidate(ImmutableArray<IOperation> blocks)
    {
        foreach (var block in blocks)
        {
            // A body of a shape the scan does not know is walked: the index may only ever save work.
            if (IdOf(block.Syntax) is not { } id || _isCandidate[id])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a member of this name may be assigned personal data somewhere in the compilation.</summary>
    public bool MayHoldData(ISymbol member) => _dataMembers.Contains(member.Name);

    /// <summary>Whether <paramref name="method"/> may return personal data of its own (read in its body or below it).</summary>
    public bool MayReturnData(IMethodSymbol method) => AnyUnit(method, _returnsData);

    /// <summary>Whether anything <paramref name="method"/> is given may reach a sink (in its body or below it).</summary>
    public bool MaySinkWhatItIsGiven(IMethodSymbol method) => AnyUnit(method, _hasSink);

    /// <summary>Whether <paramref name="method"/> may itself bring personal data to a sink (in its body or below it).</summary>
    public bool MayReachSink(IMethodSymbol method) => AnyUnit(method, _isCandidate);

    // A declaration the scan does not know the shape of counts: the index may only ever save work.
    private bool AnyUnit(IMethodSymbol method, bool[] flags)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (IdOf(reference.GetSyntax()) is not { } id || flags[id])
            {
                return true;
            }
        }

        return false;
    }

    public static CandidateIndex Build(PrivacyModel model, DeclaredNames declared, CancellationToken cancellationToken)
    {
        var trees = new Dictionary<SyntaxTree, SyntaxUnits>();
        var firstId = new Dictionary<SyntaxUnits, int>();
        var units = new List<(SyntaxUnits Tree, SyntaxUnits.Unit Unit)>();
        foreach (var syntaxTree in model.Compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tree = Scans.GetValue(syntaxTree, t => SyntaxUnits.Scan(t, CancellationToken.None));
            trees[syntaxTree] = tree;
            firstId[tree] = units.Count;
            units.AddRange(tree.Units.Select(u => (tree, u)));
        }

        var resolver = new CallResolver(declared, units.Select(u => u.Unit).ToList());
        var count = units.Count;
        var callers = new List<int>[count];
        var hasData = new bool[count];
        var hasSink = new bool[count];
        for (var id = 0; id < count; id++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (tree, unit) = units[id];
            hasData[id] = StartsWithData(unit, tree.Syntax, declared) || unit.Identifiers.Any(declared.Data.Contains);
            hasSink[id] = unit.MentionsThrow || unit.Identifiers.Any(i => declared.SinkMembers.Contains(i) || i.EndsWith("Exception", System.StringComparison.Ordinal));
            foreach (var call in resolver.Resolve(unit))
            {
                hasData[id] |= call.ReturnsDeclaredData;
                hasSink[id] |= call.IsSink;
                foreach (var target in call.Targets)
                {
                    (callers[target] ??= new List<int>()).Add(id);
                }
            }
        }

        // A unit that has data and returns a value gives its callers data; one that reaches a sink is a sink for
        // them; one with both, or that calls one, is a candidate. Each spreads to the callers, once: linear. A
        // unit with data that assigns a member (a field) gives data to every unit that mentions it; each such
        // member is taken once, so the rounds end.
        var returnsData = new bool[count];
        var dataMembers = new HashSet<string>(System.StringComparer.Ordinal);
        var readersOf = ReadersOfAssignedMembers(units);
        var pendingData = new Queue<int>();
        for (var id = 0; id < count; id++)
        {
            if (hasData[id])
            {
                pendingData.Enqueue(id);
            }
        }

        while (pendingData.Count > 0)
        {
            var fresh = new List<int>();
            while (pendingData.Count > 0)
            {
                var id = pendingData.Dequeue();
                if (!returnsData[id] && units[id].Unit.ReturnsValue)
                {
                    returnsData[id] = true;
                    fresh.Add(id);
                }

                foreach (var member in units[id].Unit.AssignedMembers)
                {
                    if (readersOf.TryGetValue(member, out var readers) && dataMembers.Add(member))
                    {
                        foreach (var reader in readers)
                        {
                            if (!hasData[reader])
                            {
                                hasData[reader] = true;
                                pendingData.Enqueue(reader);
                            }
                        }
                    }
                }
            }

            Spread(returnsData, callers, fresh, (caller, _) =>
            {
                if (!hasData[caller])
                {
                    hasData[caller] = true;
                    pendingData.Enqueue(caller);
                }

                return units[caller].Unit.ReturnsValue;
            });
        }

        Spread(hasSink, callers, (_, _) => true);
        var isCandidate = new bool[count];
        for (var id = 0; id < count; id++)
        {
            isCandidate[id] = hasData[id] && hasSink[id];
        }

        Spread(isCandidate, callers, (_, _) => true);
        return new CandidateIndex(trees, firstId, returnsData, hasSink, isCandidate, dataMembers);
    }

    // Marks the callers of every marked unit, transitively: `mark(caller, callee)` says whether the caller now counts.
    private static void Spread(bool[] marked, List<int>[] callers, System.Func<int, int, bool> mark) =>
        Spread(marked, callers, Enumerable.Range(0, marked.Length).Where(id => marked[id]), mark);

    // The same, from the units in `from` only (already marked).
    private static void Spread(bool[] marked, List<int>[] callers, IEnumerable<int> from, System.Func<int, int, bool> mark)
    {
        var pending = new Queue<int>(from);
        while (pending.Count > 0)
        {
            var callee = pending.Dequeue();
            foreach (var caller in callers[callee] ?? Enumerable.Empty<int>())
            {
                if (!marked[caller] && mark(caller, callee))
                {
                    marked[caller] = true;
                    pending.Enqueue(caller);
                }
            }
        }
    }

    // For each member some unit assigns, the units that mention its name (and so may read it).
    private static Dictionary<string, List<int>> ReadersOfAssignedMembers(List<(SyntaxUnits Tree, SyntaxUnits.Unit Unit)> units)
    {
        var readers = new Dictionary<string, List<int>>(System.StringComparer.Ordinal);
        foreach (var (_, unit) in units)
        {
            foreach (var member in unit.AssignedMembers)
            {
                if (!readers.ContainsKey(member))
                {
                    readers[member] = new List<int>();
                }
            }
        }

        for (var id = 0; id < units.Count; id++)
        {
            foreach (var identifier in units[id].Unit.Identifiers)
            {
                if (readers.TryGetValue(identifier, out var list))
                {
                    list.Add(id);
                }
            }
        }

        return readers;
    }

    // Data a body has before it reads anything: parameters of personal types, or an instance of a personal type as `this`.
    private static bool StartsWithData(SyntaxUnits.Unit unit, SyntaxTree tree, DeclaredNames declared)
    {
        if (declared.DataParameterDeclarations.Contains(new SyntaxReferenceKey(tree, unit.Start)))
        {
            return true;
        }

        if (unit.ContainingTypeStart is not { } typeStart || !declared.PersonalTypeDeclarations.TryGetValue(new SyntaxReferenceKey(tree, typeStart), out var shape))
        {
            return false;
        }

        // Every member read of personal data is personal data; of a holder, only `this` itself holds its members.
        return unit.MentionsThis || (shape == TaintShape.Data && !unit.IsStatic);
    }

    private int? IdOf(SyntaxNode syntax) =>
        _trees.TryGetValue(syntax.SyntaxTree, out var tree) && tree.IndexOf(syntax) is { } index ? _firstId[tree] + index : null;
}
