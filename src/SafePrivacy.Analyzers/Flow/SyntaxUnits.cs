using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// The declarations with a body of one syntax tree — methods, constructors, operators, accessors, property and
/// field initializers, primary-constructor base arguments, top-level statements — each read once for the names it
/// mentions and the calls it makes. Depends on the tree alone, so it is kept per tree across compilations.
/// </summary>
internal sealed class SyntaxUnits
{
    private const string MainName = "<Main>$";
    private const string IndexerName = "[]";

    // How many member accesses of a receiver chain (a.b.c.d) are followed back to its root.
    private const int MaximumPath = 8;

    private readonly Dictionary<int, int> _byStart;

    private SyntaxUnits(SyntaxTree syntax, Unit[] units, Dictionary<int, int> byStart)
    {
        Syntax = syntax;
        Units = units;
        _byStart = byStart;
    }

    public SyntaxTree Syntax { get; }

    public Unit[] Units { get; }

    /// <summary>The index of the unit a piece of a body belongs to, if the scan knows its shape.</summary>
    public int? IndexOf(SyntaxNode syntax)
    {
        for (SyntaxNode? node = syntax; node is not null; node = node.Parent)
        {
            if (node is GlobalStatementSyntax)
            {
                node = node.Parent;
            }
            else if (!IsUnit(node))
            {
                continue;
            }

            return node is not null && _byStart.TryGetValue(node.SpanStart, out var index) ? index : null;
        }

        return null;
    }

    public static bool IsUnit(SyntaxNode node) => node switch
    {
        BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or PrimaryConstructorBaseTypeSyntax => true,
        ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax } => true,
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax } => true,
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax } } => true,
        _ => false,
    };

    public static SyntaxUnits Scan(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        var units = new List<Unit>();
        var byStart = new Dictionary<int, int>();
        void Add(SyntaxNode node, Unit unit)
        {
            byStart[node.SpanStart] = units.Count;
            units.Add(unit);
        }

        if (root is CompilationUnitSyntax compilationUnit && HasGlobalStatements(compilationUnit))
        {
            Add(root, new Reader(root, onlyGlobalStatements: true).Read(MainName, returnsValue: false, isStatic: true, isExtension: false, containingType: null));
        }

        foreach (var node in root.DescendantNodes(n => !IsUnit(n) && n is not GlobalStatementSyntax))
        {
            if (IsUnit(node))
            {
                Add(node, new Reader(node, onlyGlobalStatements: false).Read(NameOf(node), ReturnsValue(node), IsStatic(node), IsExtension(node), ContainingType(node)));
            }
        }

        return new SyntaxUnits(tree, units.ToArray(), byStart);
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

    private static string NameOf(SyntaxNode unit) => unit switch
    {
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        AccessorDeclarationSyntax { Parent.Parent: var member } => MemberName(member),
        ArrowExpressionClauseSyntax { Parent: var member } => MemberName(member),
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator.Identifier.ValueText,
        // Constructors, operators and conversions are reached through their type.
        _ => ContainingType(unit)?.Identifier.ValueText ?? string.Empty,
    };

    private static string MemberName(SyntaxNode? member) => member switch
    {
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        EventDeclarationSyntax @event => @event.Identifier.ValueText,
        IndexerDeclarationSyntax => IndexerName,
        _ => string.Empty,
    };

    private static BaseTypeDeclarationSyntax? ContainingType(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is BaseTypeDeclarationSyntax type)
            {
                return type;
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

    private static bool IsExtension(SyntaxNode unit) =>
        unit is MethodDeclarationSyntax { ParameterList.Parameters: { Count: > 0 } parameters } && parameters[0].Modifiers.Any(SyntaxKind.ThisKeyword);

    private static bool IsStatic(SyntaxNode unit)
    {
        for (SyntaxNode? node = unit; node is not null and not BaseTypeDeclarationSyntax; node = node.Parent)
        {
            if (node is MemberDeclarationSyntax member)
            {
                return member.Modifiers.Any(SyntaxKind.StaticKeyword) || member.Modifiers.Any(SyntaxKind.ConstKeyword);
            }
        }

        return false;
    }

    /// <summary>The simple names a type's syntax mentions: <c>ICustomerRepository</c>, <c>List&lt;Customer&gt;</c> gives List and Customer.</summary>
    private static string[] TypeNames(TypeSyntax? type)
    {
        if (type is null || type is IdentifierNameSyntax { IsVar: true })
        {
            return System.Array.Empty<string>();
        }

        var names = new List<string>();
        foreach (var node in type.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case SimpleNameSyntax name:
                    names.Add(name.Identifier.ValueText);
                    break;
                case PredefinedTypeSyntax predefined:
                    names.Add(predefined.Keyword.ValueText);
                    break;
            }
        }

        return names.ToArray();
    }

    /// <summary>What the scan keeps of one declaration with a body.</summary>
    internal sealed class Unit
    {
        public Unit(string name, int start, bool returnsValue, bool isStatic, bool isExtension, bool mentionsThis, bool mentionsThrow, int? containingTypeStart, string? containingTypeName, string[] identifiers, string[] bareNames, string[] assignedMembers, Call[] calls)
        {
            BareNames = bareNames;
            AssignedMembers = assignedMembers;
            Name = name;
            Start = start;
            ReturnsValue = returnsValue;
            IsStatic = isStatic;
            IsExtension = isExtension;
            MentionsThis = mentionsThis;
            MentionsThrow = mentionsThrow;
            ContainingTypeStart = containingTypeStart;
            ContainingTypeName = containingTypeName;
            Identifiers = identifiers;
            Calls = calls;
        }

        /// <summary>The name callers reach it by: the method's, the property's, the type's for a constructor; "[]" for an indexer.</summary>
        public string Name { get; }

        public int Start { get; }

        /// <summary>Whether callers can receive a value from it: a result, an out or ref argument, a property's value.</summary>
        public bool ReturnsValue { get; }

        public bool IsStatic { get; }

        /// <summary>An extension method: called on receivers of any type.</summary>
        public bool IsExtension { get; }

        public bool MentionsThis { get; }

        public bool MentionsThrow { get; }

        public int? ContainingTypeStart { get; }

        public string? ContainingTypeName { get; }

        /// <summary>Every distinct identifier it mentions; "[]" for an element access.</summary>
        public string[] Identifiers { get; }

        /// <summary>Names read without a receiver that are not its own locals: members of its type (a property, a method group).</summary>
        public string[] BareNames { get; }

        /// <summary>
        /// Names it assigns that are not its own locals: fields (and properties) of its type, written <c>_last = …</c>,
        /// <c>this._last = …</c> or <c>Cache.Last = …</c> — what other bodies may read back.
        /// </summary>
        public string[] AssignedMembers { get; }

        /// <summary>The calls and member reads it makes on a receiver, and the objects it creates.</summary>
        public Call[] Calls { get; }
    }

    /// <summary>How the receiver of a call is written, as far as its type can be told without binding.</summary>
    internal enum ReceiverKind
    {
        /// <summary>No receiver: a member of the containing type (or a static import).</summary>
        Implicit,

        /// <summary><c>this.</c> or <c>base.</c></summary>
        This,

        /// <summary>A name: a local or parameter of known type (<see cref="Call.RootTypes"/>), a member of the containing type, or a type.</summary>
        Name,

        /// <summary>Something whose type names were written where it is (a cast, a creation, a keyword type): <see cref="Call.RootTypes"/>.</summary>
        Types,

        /// <summary>A call's result, an await, an element: any type.</summary>
        Unknown,

        /// <summary><c>new T(…)</c>: the call is T's constructor.</summary>
        Creation,
    }

    /// <summary>A call (or member read) <c>Root.Path[0]…Path[n].Name</c>.</summary>
    internal sealed class Call
    {
        public Call(string name, ReceiverKind kind, string? rootName, string[] rootTypes, string[] path)
        {
            OnInstance = kind is ReceiverKind.This or ReceiverKind.Unknown || path.Length > 0;
            Name = name;
            Kind = kind;
            RootName = rootName;
            RootTypes = rootTypes;
            Path = path;
        }

        public string Name { get; }

        public ReceiverKind Kind { get; }

        public string? RootName { get; }

        public string[] RootTypes { get; set; }

        public string[] Path { get; }

        /// <summary>The receiver is a value, not a type: the call cannot be a static method's.</summary>
        public bool OnInstance { get; set; }
    }

    /// <summary>Reads one unit: its identifiers in one pass over the tokens, its calls and locals in one over the nodes.</summary>
    private sealed class Reader
    {
        private readonly SyntaxNode _node;
        private readonly bool _onlyGlobalStatements;
        private readonly HashSet<string> _identifiers = new(System.StringComparer.Ordinal);
        private readonly Dictionary<string, string[]> _locals = new(System.StringComparer.Ordinal);
        private readonly HashSet<string> _localNames = new(System.StringComparer.Ordinal);
        private readonly HashSet<string> _bareNames = new(System.StringComparer.Ordinal);
        private readonly List<(string? Root, string Member)> _assigned = new();
        private readonly List<Call> _calls = new();
        private bool _mentionsThis;
        private bool _mentionsThrow;

        public Reader(SyntaxNode node, bool onlyGlobalStatements)
        {
            _node = node;
            _onlyGlobalStatements = onlyGlobalStatements;
        }

        public Unit Read(string name, bool returnsValue, bool isStatic, bool isExtension, BaseTypeDeclarationSyntax? containingType)
        {
            foreach (var token in _node.DescendantTokens())
            {
                if (!_onlyGlobalStatements || IsInGlobalStatement(token))
                {
                    ReadToken(token);
                }
            }

            foreach (var node in _node.DescendantNodesAndSelf())
            {
                if (!_onlyGlobalStatements || node.FirstAncestorOrSelf<GlobalStatementSyntax>() is not null)
                {
                    ReadNode(node);
                }
            }

            // A name root that is a local is a value, of its type where that is written.
            foreach (var call in _calls)
            {
                if (call.Kind == ReceiverKind.Name && call.RootName is { } root && _localNames.Contains(root))
                {
                    call.OnInstance = true;
                    call.RootTypes = _locals.TryGetValue(root, out var types) ? types : System.Array.Empty<string>();
                }
            }

            _bareNames.ExceptWith(_localNames);
            // `_last = …` and `Cache.Last = …` write members; `last = …` and `dto.Name = …` write locals and what they hold.
            var assigned = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var (root, member) in _assigned)
            {
                if (!_localNames.Contains(root ?? member))
                {
                    assigned.Add(member);
                }
            }

            return new Unit(name, _node.SpanStart, returnsValue, isStatic, isExtension, _mentionsThis, _mentionsThrow, containingType?.SpanStart, containingType?.Identifier.ValueText, ToArray(_identifiers), ToArray(_bareNames), ToArray(assigned), _calls.ToArray());
        }

        private static string[] ToArray(HashSet<string> names)
        {
            var array = new string[names.Count];
            names.CopyTo(array);
            return array;
        }

        private void ReadToken(SyntaxToken token)
        {
            switch (token.Kind())
            {
                case SyntaxKind.IdentifierToken:
                    _identifiers.Add(token.ValueText);
                    break;
                case SyntaxKind.ThisKeyword or SyntaxKind.BaseKeyword:
                    _mentionsThis |= token.Parent is ThisExpressionSyntax or BaseExpressionSyntax;
                    break;
                case SyntaxKind.ThrowKeyword:
                    _mentionsThrow = true;
                    break;
                case SyntaxKind.OpenBracketToken when token.Parent is BracketedArgumentListSyntax { Parent: ElementAccessExpressionSyntax or ImplicitElementAccessSyntax or ElementBindingExpressionSyntax }:
                    _identifiers.Add(IndexerName);
                    break;
            }
        }

        private void ReadNode(SyntaxNode node)
        {
            switch (node)
            {
                case IdentifierNameSyntax bare when IsBareValue(bare):
                    _bareNames.Add(bare.Identifier.ValueText);
                    break;
                case ParameterSyntax { Type: null } untyped:
                    _localNames.Add(untyped.Identifier.ValueText);
                    break;
                case SingleVariableDesignationSyntax designation:
                    _localNames.Add(designation.Identifier.ValueText);
                    break;
                case InvocationExpressionSyntax invocation:
                    ReadInvocation(invocation);
                    break;
                case AssignmentExpressionSyntax { Parent: not InitializerExpressionSyntax } assignment when AssignedMember(assignment.Left) is { } assigned:
                    _assigned.Add(assigned);
                    break;
                case MemberAccessExpressionSyntax access when access.Parent is not InvocationExpressionSyntax invoked || invoked.Expression != access:
                    _calls.Add(CallOn(access.Name.Identifier.ValueText, access.Expression));
                    break;
                case MemberBindingExpressionSyntax binding when binding.Parent is not InvocationExpressionSyntax && ConditionalReceiver(binding) is { } receiver:
                    _calls.Add(CallOn(binding.Name.Identifier.ValueText, receiver));
                    break;
                case ObjectCreationExpressionSyntax creation when TypeNames(creation.Type) is { Length: > 0 } created:
                    _calls.Add(Creation(RightmostName(creation.Type) ?? created[0], created));
                    break;
                case PrimaryConstructorBaseTypeSyntax primaryBase when RightmostName(primaryBase.Type) is { } baseName:
                    _calls.Add(Creation(baseName, TypeNames(primaryBase.Type)));
                    break;
                case ConstructorInitializerSyntax initializer when ConstructedBy(initializer) is { } constructed:
                    _calls.Add(Creation(constructed, new[] { constructed }));
                    break;
                case ParameterSyntax { Type: { } type } parameter:
                    _localNames.Add(parameter.Identifier.ValueText);
                    _locals[parameter.Identifier.ValueText] = TypeNames(type);
                    break;
                case VariableDeclarationSyntax declaration:
                    foreach (var declarator in declaration.Variables)
                    {
                        _localNames.Add(declarator.Identifier.ValueText);
                        var types = declaration.Type is IdentifierNameSyntax { IsVar: true } ? TypesWrittenIn(declarator.Initializer?.Value) : TypeNames(declaration.Type);
                        if (types.Length > 0)
                        {
                            _locals[declarator.Identifier.ValueText] = types;
                        }
                    }

                    break;
                case ForEachStatementSyntax forEach:
                    _localNames.Add(forEach.Identifier.ValueText);
                    if (TypeNames(forEach.Type) is { Length: > 0 } elementTypes)
                    {
                        _locals[forEach.Identifier.ValueText] = elementTypes;
                    }

                    break;
                case DeclarationPatternSyntax { Designation: SingleVariableDesignationSyntax designation } pattern:
                    _locals[designation.Identifier.ValueText] = TypeNames(pattern.Type);
                    break;
                case DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax designation } declared when TypeNames(declared.Type) is { Length: > 0 } declaredTypes:
                    _locals[designation.Identifier.ValueText] = declaredTypes;
                    break;
            }
        }

        private void ReadInvocation(InvocationExpressionSyntax invocation)
        {
            switch (invocation.Expression)
            {
                case MemberAccessExpressionSyntax access:
                    _calls.Add(CallOn(access.Name.Identifier.ValueText, access.Expression));
                    break;
                case SimpleNameSyntax name:
                    _calls.Add(new Call(name.Identifier.ValueText, ReceiverKind.Implicit, null, System.Array.Empty<string>(), System.Array.Empty<string>()));
                    break;
                case MemberBindingExpressionSyntax binding when ConditionalReceiver(binding) is { } receiver:
                    _calls.Add(CallOn(binding.Name.Identifier.ValueText, receiver));
                    break;
            }
        }

        // A member the assignment writes: `_last`, `this._last`, `Cache.Last` (a name's member: a static one, or a local's).
        private static (string? Root, string Member)? AssignedMember(ExpressionSyntax left) => left switch
        {
            IdentifierNameSyntax name => (null, name.Identifier.ValueText),
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member } => (null, member.Identifier.ValueText),
            MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax root, Name: var member } => (root.Identifier.ValueText, member.Identifier.ValueText),
            _ => null,
        };

        // A name that stands for a value on its own (not a type, not a member of something, not the called name):
        // a member of the containing type, read or passed as a method group.
        private static bool IsBareValue(IdentifierNameSyntax name) =>
            !SyntaxFacts.IsInTypeOnlyContext(name)
            && name.Parent is not (MemberAccessExpressionSyntax { Name: var member } and not null) || (name.Parent is MemberAccessExpressionSyntax access && access.Expression == name);

        private static Call Creation(string typeName, string[] typeNames) =>
            new(typeName, ReceiverKind.Creation, null, typeNames, System.Array.Empty<string>());

        // : this(…) runs the type's own constructor; : base(…) the base type's, the first of the base list.
        private static string? ConstructedBy(ConstructorInitializerSyntax initializer)
        {
            var type = ContainingType(initializer);
            if (initializer.IsKind(SyntaxKind.ThisConstructorInitializer))
            {
                return type?.Identifier.ValueText;
            }

            return type?.BaseList?.Types.FirstOrDefault()?.Type is { } baseType ? RightmostName(baseType) : null;
        }

        // a?.b — the binding's receiver is the conditional access's expression.
        private static ExpressionSyntax? ConditionalReceiver(MemberBindingExpressionSyntax binding)
        {
            for (var node = binding.Parent; node is not null; node = node.Parent)
            {
                if (node is ConditionalAccessExpressionSyntax conditional)
                {
                    return conditional.Expression;
                }
            }

            return null;
        }

        private static Call CallOn(string name, ExpressionSyntax receiver)
        {
            var path = new List<string>();
            var root = receiver;
            while (path.Count < MaximumPath)
            {
                switch (root)
                {
                    case MemberAccessExpressionSyntax access:
                        path.Insert(0, access.Name.Identifier.ValueText);
                        root = access.Expression;
                        continue;
                    case ParenthesizedExpressionSyntax parenthesized:
                        root = parenthesized.Expression;
                        continue;
                }

                break;
            }

            var segments = path.ToArray();
            return root switch
            {
                ThisExpressionSyntax or BaseExpressionSyntax => new Call(name, ReceiverKind.This, null, System.Array.Empty<string>(), segments),
                SimpleNameSyntax simple => new Call(name, ReceiverKind.Name, simple.Identifier.ValueText, System.Array.Empty<string>(), segments),
                PredefinedTypeSyntax predefined => new Call(name, ReceiverKind.Types, null, new[] { predefined.Keyword.ValueText }, segments),
                _ when TypesWrittenIn(root) is { Length: > 0 } written => new Call(name, ReceiverKind.Types, null, written, segments),
                _ => new Call(name, ReceiverKind.Unknown, null, System.Array.Empty<string>(), segments),
            };
        }

        // The types an expression's own syntax names for its value: new T(…), (T)x, x as T.
        private static string[] TypesWrittenIn(ExpressionSyntax? expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression switch
            {
                ObjectCreationExpressionSyntax creation => TypeNames(creation.Type),
                CastExpressionSyntax cast => TypeNames(cast.Type),
                BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AsExpression, Right: TypeSyntax type } => TypeNames(type),
                _ => System.Array.Empty<string>(),
            };
        }

        private static string? RightmostName(TypeSyntax type) => type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            _ => null,
        };

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
    }
}
