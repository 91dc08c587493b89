using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// Which bodies of a compilation can see personal data meet a sink, decided by names alone — no body is bound.
/// Every declaration with a body (a unit) is read once for the identifiers it mentions; then, starting from
/// <see cref="DeclaredNames"/>, a name-level closure over the call graph: a unit that mentions a data name and
/// returns a value makes its own name one (callers may receive data from it), a unit that mentions a sink name
/// makes its own name a sink name, and a unit that mentions both — or calls a unit that does — is a candidate.
/// Names over-approximate (every <c>Add</c> is taken for a sink), never under: a body that is not a candidate has
/// no flow the walk could find.
/// </summary>
internal sealed class CandidateIndex
{
    // Per tree, so that in an IDE only edited files are read again for each new compilation.
    private static readonly ConditionalWeakTable<SyntaxTree, TreeUnits> Scans = new();

    private readonly Dictionary<SyntaxTree, TreeUnits> _trees;
    private readonly Dictionary<TreeUnits, bool[]> _candidates;
    private readonly HashSet<string> _data;
    private readonly HashSet<string> _effects;

    private CandidateIndex(Dictionary<SyntaxTree, TreeUnits> trees, Dictionary<TreeUnits, bool[]> candidates, HashSet<string> data, HashSet<string> effects, int units, int candidateCount)
    {
        _trees = trees;
        _candidates = candidates;
        _data = data;
        _effects = effects;
        Units = units;
        Candidates = candidateCount;
    }

    /// <summary>How many declarations with a body the compilation has.</summary>
    public int Units { get; }

    /// <summary>How many of them are walked.</summary>
    public int Candidates { get; }

    /// <summary>Whether a member of this name may return personal data of its own (so its summary is worth computing).</summary>
    public bool MayReturnData(string name) => _data.Contains(name);

    /// <summary>Whether a member of this name may itself bring personal data to a sink (what a scope's helpers do).</summary>
    public bool MayHaveEffects(string name) => _effects.Contains(name);

    /// <summary>Whether the body made of <paramref name="blocks"/> is walked: personal data may meet a sink in it.</summary>
    public bool IsCandidate(ImmutableArray<IOperation> blocks)
    {
        foreach (var block in blocks)
        {
            var syntax = block.Syntax;
            if (!_trees.TryGetValue(syntax.SyntaxTree, out var tree) || UnitOf(syntax) is not { } unit || !tree.ByStart.TryGetValue(unit.SpanStart, out var index))
            {
                // A body of a shape the scan does not know is walked: the index may only ever save work.
                return true;
            }

            if (_candidates[tree][index])
            {
                return true;
            }
        }

        return false;
    }

    public static CandidateIndex Build(PrivacyModel model, DeclaredNames declared, CancellationToken cancellationToken)
    {
        var data = new HashSet<string>(declared.Data, System.StringComparer.Ordinal);
        var sinks = new HashSet<string>(declared.Sinks, System.StringComparer.Ordinal);
        var effects = new HashSet<string>(System.StringComparer.Ordinal);

        var trees = new Dictionary<SyntaxTree, TreeUnits>();
        var units = new List<(TreeUnits Tree, int Index)>();
        foreach (var syntaxTree in model.Compilation.SyntaxTrees)
        {
            var tree = Scans.GetValue(syntaxTree, t => TreeUnits.Scan(t, cancellationToken));
            trees[syntaxTree] = tree;
            for (var i = 0; i < tree.Units.Length; i++)
            {
                units.Add((tree, i));
            }
        }

        // Which units mention each name: where a name becoming data, a sink or an effect spreads to.
        var mentions = new Dictionary<string, List<int>>(System.StringComparer.Ordinal);
        for (var id = 0; id < units.Count; id++)
        {
            foreach (var name in Unit(units, id).Identifiers)
            {
                if (!mentions.TryGetValue(name, out var list))
                {
                    mentions[name] = list = new List<int>();
                }

                list.Add(id);
            }
        }

        var hasData = new bool[units.Count];
        var hasSink = new bool[units.Count];
        var isCandidate = new bool[units.Count];
        var pendingData = new Queue<int>();
        var pendingSinks = new Queue<int>();
        for (var id = 0; id < units.Count; id++)
        {
            var (tree, index) = units[id];
            var unit = tree.Units[index];
            if (StartsWithData(unit, tree.Syntax, declared) || MentionsAny(unit, data))
            {
                hasData[id] = true;
                pendingData.Enqueue(id);
            }

            if (unit.MentionsThrow || MentionsAny(unit, sinks) || MentionsException(unit))
            {
                hasSink[id] = true;
                pendingSinks.Enqueue(id);
            }
        }

        Spread(pendingData, hasData, id => Unit(units, id).ReturnsValue ? Unit(units, id).Name : null, data, mentions);
        Spread(pendingSinks, hasSink, id => Unit(units, id).Name, sinks, mentions);

        var pendingEffects = new Queue<int>();
        for (var id = 0; id < units.Count; id++)
        {
            if (hasData[id] && hasSink[id])
            {
                isCandidate[id] = true;
                pendingEffects.Enqueue(id);
            }
        }

        Spread(pendingEffects, isCandidate, id => Unit(units, id).Name, effects, mentions);

        var candidates = new Dictionary<TreeUnits, bool[]>();
        var count = 0;
        foreach (var tree in trees.Values)
        {
            candidates[tree] = new bool[tree.Units.Length];
        }

        for (var id = 0; id < units.Count; id++)
        {
            candidates[units[id].Tree][units[id].Index] = isCandidate[id];
            count += isCandidate[id] ? 1 : 0;
        }

        return new CandidateIndex(trees, candidates, data, effects, units.Count, count);
    }

    // A name that becomes data, a sink or an effect makes every unit that mentions it one too, once: a worklist
    // over names, linear in the mentions.
    private static void Spread(Queue<int> pending, bool[] marked, System.Func<int, string?> nameOf, HashSet<string> names, Dictionary<string, List<int>> mentions)
    {
        while (pending.Count > 0)
        {
            var id = pending.Dequeue();
            if (nameOf(id) is not { } name || !names.Add(name) || !mentions.TryGetValue(name, out var mentioning))
            {
                continue;
            }

            foreach (var other in mentioning)
            {
                if (!marked[other])
                {
                    marked[other] = true;
                    pending.Enqueue(other);
                }
            }
        }
    }

    private static UnitInfo Unit(List<(TreeUnits Tree, int Index)> units, int id) => units[id].Tree.Units[units[id].Index];

    // Data a body has before it reads anything: parameters of personal types, or an instance of a personal type as `this`.
    private static bool StartsWithData(UnitInfo unit, SyntaxTree tree, DeclaredNames declared)
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

    private static bool MentionsAny(UnitInfo unit, HashSet<string> names)
    {
        foreach (var identifier in unit.Identifiers)
        {
            if (names.Contains(identifier))
            {
                return true;
            }
        }

        return false;
    }

    // Every exception's constructor is a sink for its message, including types the scan never saw declared.
    private static bool MentionsException(UnitInfo unit)
    {
        foreach (var identifier in unit.Identifiers)
        {
            if (identifier.EndsWith("Exception", System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The unit a piece of a body belongs to: the nearest enclosing declaration with a body, or the file's top-level statements.</summary>
    private static SyntaxNode? UnitOf(SyntaxNode syntax)
    {
        for (SyntaxNode? node = syntax; node is not null; node = node.Parent)
        {
            if (node is GlobalStatementSyntax)
            {
                return node.Parent;
            }

            if (TreeUnits.IsUnit(node))
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>What the scan keeps of one declaration with a body.</summary>
    private sealed class UnitInfo
    {
        public UnitInfo(string name, int start, bool returnsValue, bool isStatic, bool mentionsThis, bool mentionsThrow, int? containingTypeStart, string[] identifiers)
        {
            Name = name;
            Start = start;
            ReturnsValue = returnsValue;
            IsStatic = isStatic;
            MentionsThis = mentionsThis;
            MentionsThrow = mentionsThrow;
            ContainingTypeStart = containingTypeStart;
            Identifiers = identifiers;
        }

        /// <summary>The name callers reach it by: the method's, the property's, the type's for a constructor; "[]" for an indexer.</summary>
        public string Name { get; }

        public int Start { get; }

        /// <summary>Whether callers can receive a value from it: a result, an out or ref argument, a property's value.</summary>
        public bool ReturnsValue { get; }

        public bool IsStatic { get; }

        public bool MentionsThis { get; }

        public bool MentionsThrow { get; }

        public int? ContainingTypeStart { get; }

        /// <summary>Every distinct identifier it mentions; "[]" for an element access.</summary>
        public string[] Identifiers { get; }
    }

    /// <summary>The units of one syntax tree, read once per tree.</summary>
    private sealed class TreeUnits
    {
        private const string MainName = "<Main>$";
        private const string IndexerName = "[]";

        private TreeUnits(SyntaxTree syntax, UnitInfo[] units, Dictionary<int, int> byStart)
        {
            Syntax = syntax;
            Units = units;
            ByStart = byStart;
        }

        public SyntaxTree Syntax { get; }

        public UnitInfo[] Units { get; }

        public Dictionary<int, int> ByStart { get; }

        public static bool IsUnit(SyntaxNode node) => node switch
        {
            BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or PrimaryConstructorBaseTypeSyntax => true,
            ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax } => true,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax } => true,
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax } } => true,
            _ => false,
        };

        public static TreeUnits Scan(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var root = tree.GetRoot(cancellationToken);
            var units = new List<UnitInfo>();
            var byStart = new Dictionary<int, int>();
            void Add(SyntaxNode node, UnitInfo unit)
            {
                byStart[node.SpanStart] = units.Count;
                units.Add(unit);
            }

            if (root is CompilationUnitSyntax compilationUnit && HasGlobalStatements(compilationUnit))
            {
                Add(root, Read(root, MainName, returnsValue: false, isStatic: true, containingTypeStart: null, onlyGlobalStatements: true));
            }

            foreach (var node in root.DescendantNodes(n => !IsUnit(n) && n is not GlobalStatementSyntax))
            {
                if (IsUnit(node))
                {
                    Add(node, Read(node, NameOf(node), ReturnsValue(node), IsStatic(node), ContainingTypeStart(node), onlyGlobalStatements: false));
                }
            }

            return new TreeUnits(tree, units.ToArray(), byStart);
        }

        private static bool HasGlobalStatements(CompilationUnitSyntax root)
        {
            foreach (var member in root.Members)
            {
                if (member is GlobalStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static UnitInfo Read(SyntaxNode node, string name, bool returnsValue, bool isStatic, int? containingTypeStart, bool onlyGlobalStatements)
        {
            var identifiers = new HashSet<string>(System.StringComparer.Ordinal);
            var mentionsThis = false;
            var mentionsThrow = false;
            foreach (var token in node.DescendantTokens())
            {
                if (onlyGlobalStatements && !IsInGlobalStatement(token))
                {
                    continue;
                }

                switch (token.Kind())
                {
                    case SyntaxKind.IdentifierToken:
                        identifiers.Add(token.ValueText);
                        break;
                    case SyntaxKind.ThisKeyword or SyntaxKind.BaseKeyword:
                        mentionsThis |= token.Parent is ThisExpressionSyntax or BaseExpressionSyntax;
                        break;
                    case SyntaxKind.ThrowKeyword:
                        mentionsThrow = true;
                        break;
                    case SyntaxKind.OpenBracketToken when token.Parent is BracketedArgumentListSyntax { Parent: ElementAccessExpressionSyntax or ImplicitElementAccessSyntax or ElementBindingExpressionSyntax }:
                        identifiers.Add(IndexerName);
                        break;
                }
            }

            var array = new string[identifiers.Count];
            identifiers.CopyTo(array);
            return new UnitInfo(name, node.SpanStart, returnsValue, isStatic, mentionsThis, mentionsThrow, containingTypeStart, array);
        }

        private static bool IsInGlobalStatement(SyntaxToken token)
        {
            for (var node = token.Parent; node is not null; node = node.Parent)
            {
                if (node is GlobalStatementSyntax)
                {
                    return true;
                }

                if (node is MemberDeclarationSyntax)
                {
                    return false;
                }
            }

            return false;
        }

        private static string NameOf(SyntaxNode unit) => unit switch
        {
            MethodDeclarationSyntax method => method.Identifier.ValueText,
            AccessorDeclarationSyntax { Parent.Parent: var member } => MemberName(member),
            ArrowExpressionClauseSyntax { Parent: var member } => MemberName(member!),
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator.Identifier.ValueText,
            // Constructors, operators and conversions are reached through their type.
            _ => ContainingTypeName(unit),
        };

        private static string MemberName(SyntaxNode? member) => member switch
        {
            PropertyDeclarationSyntax property => property.Identifier.ValueText,
            EventDeclarationSyntax @event => @event.Identifier.ValueText,
            IndexerDeclarationSyntax => IndexerName,
            _ => string.Empty,
        };

        private static string ContainingTypeName(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                if (current is BaseTypeDeclarationSyntax type)
                {
                    return type.Identifier.ValueText;
                }
            }

            return string.Empty;
        }

        private static int? ContainingTypeStart(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                if (current is BaseTypeDeclarationSyntax type)
                {
                    return type.SpanStart;
                }
            }

            return null;
        }

        private static bool ReturnsValue(SyntaxNode unit) => unit switch
        {
            MethodDeclarationSyntax method => !IsVoidLike(method.ReturnType) || HasByReferenceParameter(method.ParameterList),
            AccessorDeclarationSyntax accessor => accessor.IsKind(SyntaxKind.GetAccessorDeclaration),
            _ => true,
        };

        private static bool IsVoidLike(TypeSyntax type) => type switch
        {
            PredefinedTypeSyntax predefined => predefined.Keyword.IsKind(SyntaxKind.VoidKeyword),
            IdentifierNameSyntax name => name.Identifier.ValueText is "Task" or "ValueTask",
            QualifiedNameSyntax { Right: IdentifierNameSyntax right } => right.Identifier.ValueText is "Task" or "ValueTask",
            _ => false,
        };

        private static bool HasByReferenceParameter(ParameterListSyntax parameters)
        {
            foreach (var parameter in parameters.Parameters)
            {
                foreach (var modifier in parameter.Modifiers)
                {
                    if (modifier.IsKind(SyntaxKind.OutKeyword) || modifier.IsKind(SyntaxKind.RefKeyword))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsStatic(SyntaxNode unit)
        {
            for (SyntaxNode? node = unit; node is not null and not BaseTypeDeclarationSyntax; node = node.Parent)
            {
                if (node is MemberDeclarationSyntax member)
                {
                    foreach (var modifier in member.Modifiers)
                    {
                        if (modifier.IsKind(SyntaxKind.StaticKeyword) || modifier.IsKind(SyntaxKind.ConstKeyword))
                        {
                            return true;
                        }
                    }

                    return false;
                }
            }

            return false;
        }
    }
}
