using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>What an annotation says about a member, parameter or return value.</summary>
internal readonly struct MemberClass
{
    public MemberClass(DataClass dataClass) => Class = dataClass;

    private MemberClass(bool silenced) => IsSilenced = silenced;

    /// <summary>Explicitly not personal data (<c>[NotPersonalData]</c>): stops flow through the member.</summary>
    public static MemberClass Silenced { get; } = new(silenced: true);

    public DataClass Class { get; }

    public bool IsSilenced { get; }

    public bool IsPersonal => !IsSilenced && !Class.IsEmpty;
}

/// <summary>What a type's instances are: personal data themselves, holders of personal data, or neither.</summary>
internal sealed class TypeData
{
    public static readonly TypeData None = new(TaintShape.Data, default, ImmutableArray<string>.Empty, null);

    public TypeData(TaintShape shape, DataClass dataClass, ImmutableArray<string> heldMembers, INamedTypeSymbol? origin)
    {
        Shape = shape;
        Class = dataClass;
        HeldMembers = heldMembers;
        Origin = origin;
    }

    public TaintShape Shape { get; }

    public DataClass Class { get; }

    /// <summary>For a holder: the members that are personal data, for messages.</summary>
    public ImmutableArray<string> HeldMembers { get; }

    /// <summary>The annotated or holding type (the element type for collections).</summary>
    public INamedTypeSymbol? Origin { get; }

    public bool IsPersonal => Origin is not null && !Class.IsEmpty;
}

/// <summary>
/// Classifies symbols from their annotations — SafePrivacy's, ASP.NET Core Identity's, any
/// Microsoft.Extensions.Compliance classification, and the external annotations file — once per symbol.
/// </summary>
internal sealed class DataClassifier
{
    public const string IdentityPersonalData = "Microsoft.AspNetCore.Identity.PersonalDataAttribute";
    public const string ComplianceClassification = "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute";
    private const string NoComplianceClassification = "Microsoft.Extensions.Compliance.Classification.NoDataClassificationAttribute";
    private const string UnknownComplianceClassification = "Microsoft.Extensions.Compliance.Classification.UnknownDataClassificationAttribute";

    // How deep SP5002 looks into what a serialised object carries (Post → Author → Email is depth 2).
    private const int SerialisedDepth = 3;

    // Bounds on walks over the user's type and member graphs, which real libraries make cyclic (JToken enumerates
    // JToken) and generated code makes deep. A stack overflow cannot be caught: it takes the compiler down.
    private const int MaximumElementDepth = 32;
    private const int MaximumRelatedMembers = 64;

    private readonly ExternalAnnotations _external;
    private readonly AnnotationScope _scope;
    private readonly ConcurrentDictionary<ISymbol, MemberClass> _members = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, DataClass> _returns = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, MemberClass> _typeAnnotations = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, TypeData> _types = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, TypeData> _own = new(SymbolEqualityComparer.Default);

    public DataClassifier(ExternalAnnotations external, AnnotationScope scope)
    {
        _external = external;
        _scope = scope;
    }

    /// <summary>Whether the symbol's assembly can carry SafePrivacy's (or Identity's, or Compliance's) attributes at all.</summary>
    public bool MayAnnotate(ISymbol symbol) => _scope.MayAnnotate(symbol);

    /// <summary>A property, field or parameter: its own annotations, or those of what it overrides or implements.</summary>
    public MemberClass ClassifyMember(ISymbol member)
    {
        if (!_scope.MayAnnotate(member))
        {
            return default;
        }

        // Most members carry no annotation and relate to no member that could: answered before the cache, whose key
        // (a symbol's hash walks its containing symbols) costs more than the answer.
        var definition = member.OriginalDefinition;
        return definition.GetAttributes().IsEmpty && _external.Find(definition) is null && !MayRelate(definition)
            ? default
            : _members.GetOrAdd(definition, ComputeMember);
    }

    /// <summary>The annotations on a method's return value (<c>[return: SpecialCategoryData(...)]</c>).</summary>
    public DataClass ClassifyReturn(IMethodSymbol method) =>
        _scope.MayAnnotate(method) ? _returns.GetOrAdd(method.OriginalDefinition, ComputeReturn) : default;

    /// <summary>Whether values of <paramref name="type"/> are personal data, or hold some in their members.</summary>
    public TypeData ClassifyType(ITypeSymbol? type)
    {
        if (type is null || IsPlainValue(type))
        {
            return TypeData.None;
        }

        return _types.GetOrAdd(type, ComputeType);
    }

    /// <summary>Reads the data annotations among <paramref name="attributes"/>.</summary>
    public static MemberClass FromAttributes(ImmutableArray<AttributeData> attributes)
    {
        DataClass result = default;
        foreach (var attribute in attributes)
        {
            var type = attribute.AttributeClass;
            if (type is null)
            {
                continue;
            }

            // Compliance's [NoDataClassification] says the same as [NotPersonalData]: the value is not sensitive.
            if (AttributeNames.Is(type, AttributeNames.NotPersonalData) || MetadataNames.Is(type, NoComplianceClassification))
            {
                return MemberClass.Silenced;
            }

            var found = ClassOf(attribute, type);
            if (!found.IsEmpty)
            {
                result = result.IsEmpty ? found : result.Union(found);
            }
        }

        return new MemberClass(result);
    }

    private static DataClass ClassOf(AttributeData attribute, INamedTypeSymbol type)
    {
        if (AttributeNames.Is(type, AttributeNames.PersonalData))
        {
            return new DataClass(DataKinds.Personal, IntArgument(attribute, 0));
        }

        if (AttributeNames.Is(type, AttributeNames.SpecialCategoryData))
        {
            var inferred = AttributeArguments.Named(attribute, "Origin")?.Value is int origin && origin == (int)DataOriginKind.Inferred;
            return new DataClass(DataKinds.SpecialCategory, specialCategory: IntArgument(attribute, 0), inferred: inferred);
        }

        if (AttributeNames.Is(type, AttributeNames.CriminalOffenceData))
        {
            var inferred = AttributeArguments.Named(attribute, "Origin")?.Value is int origin && origin == (int)DataOriginKind.Inferred;
            return new DataClass(DataKinds.CriminalOffence, inferred: inferred);
        }

        if (AttributeNames.Is(type, AttributeNames.UserGeneratedContent))
        {
            return new DataClass(DataKinds.UserGeneratedContent);
        }

        // Interop: Identity's [PersonalData] and [ProtectedPersonalData] (which derives from it), and every
        // Microsoft.Extensions.Compliance data classification, matched by name so no reference is needed.
        for (var current = type; current is not null; current = current.BaseType)
        {
            // Compliance's [UnknownDataClassification] declares nothing: its value's sensitivity is not known yet.
            if (MetadataNames.Is(current, UnknownComplianceClassification))
            {
                return default;
            }

            if (MetadataNames.Is(current, IdentityPersonalData) || MetadataNames.Is(current, ComplianceClassification))
            {
                return new DataClass(DataKinds.Personal);
            }

            if (current.ContainingNamespace?.Name == "System")
            {
                break;
            }
        }

        return default;
    }

    private static int IntArgument(AttributeData attribute, int position) =>
        AttributeArguments.Positional(attribute, position)?.Value is int value ? value : 0;

    // The member's own annotations, then those of what it overrides or implements, depth first and each once: the
    // first annotation found decides. A loop, not a recursion: the chains are the user's code, of any length.
    private MemberClass ComputeMember(ISymbol member) => FirstAnnotation(member, RelatedMembers, current => ExternalOrOwn(current, current.GetAttributes()));

    private DataClass ComputeReturn(IMethodSymbol method)
    {
        var found = FirstAnnotation(method, ReturnRelated, current => ExternalOrOwn(current, ((IMethodSymbol)current).GetReturnTypeAttributes()));
        return found.IsPersonal ? found.Class : default;
    }

    private MemberClass ExternalOrOwn(ISymbol symbol, ImmutableArray<AttributeData> attributes) =>
        _external.Find(symbol) is { } external ? external : FromAttributes(attributes);

    private MemberClass FirstAnnotation(ISymbol start, Func<ISymbol, IEnumerable<ISymbol>> related, Func<ISymbol, MemberClass> annotationOf)
    {
        // Most members are annotated on themselves or nowhere: settled before anything is allocated.
        var own = annotationOf(start);
        if (own.IsSilenced || own.IsPersonal || !MayRelate(start))
        {
            return own.IsSilenced || own.IsPersonal ? own : default;
        }

        var pending = new Stack<ISymbol>();
        pending.Push(start);
        var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        while (pending.Count > 0 && visited.Count < MaximumRelatedMembers)
        {
            var current = pending.Pop();
            if (!visited.Add(current.OriginalDefinition) || (!ReferenceEquals(current, start) && !_scope.MayAnnotate(current)))
            {
                continue;
            }

            var found = annotationOf(current);
            if (found.IsSilenced || found.IsPersonal)
            {
                return found;
            }

            foreach (var next in related(current).Reverse())
            {
                pending.Push(next);
            }
        }

        return default;
    }

    // Whether annotations of the member may be written elsewhere: on what it overrides, on an interface member it
    // implements (of an interface that can carry annotations), on a record's primary constructor parameter.
    private bool MayRelate(ISymbol member)
    {
        switch (member)
        {
            case IPropertySymbol { OverriddenProperty: not null } or IMethodSymbol { OverriddenMethod: not null }:
                return true;
            case IParameterSymbol { ContainingSymbol: IMethodSymbol method }:
                return method.OverriddenMethod is not null || InterfacesMayAnnotate(method.ContainingType);
            case IPropertySymbol property:
                return property.ContainingType is { IsRecord: true } || InterfacesMayAnnotate(property.ContainingType) || !property.ExplicitInterfaceImplementations.IsEmpty;
            case IMethodSymbol method:
                return InterfacesMayAnnotate(method.ContainingType) || !method.ExplicitInterfaceImplementations.IsEmpty;
            default:
                return true;
        }
    }

    private bool InterfacesMayAnnotate(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (_scope.MayAnnotate(@interface))
            {
                return true;
            }
        }

        return false;
    }

    // A return value's annotations may be written on the method it overrides, else on the interface methods it implements.
    private static IEnumerable<ISymbol> ReturnRelated(ISymbol symbol)
    {
        var method = (IMethodSymbol)symbol;
        if (method.OverriddenMethod is { } overridden)
        {
            return new[] { overridden };
        }

        return method.ContainingType is { } type ? ImplementedInterfaceMembers(method, type).OfType<IMethodSymbol>() : Enumerable.Empty<ISymbol>();
    }

    // What a member's annotations may be written on instead: the member it overrides, the interface members it
    // implements, and — for a record's positional property — the primary constructor parameter, where
    // `record User([PersonalData] string Email)` puts them.
    private static IEnumerable<ISymbol> RelatedMembers(ISymbol member)
    {
        switch (member)
        {
            case IPropertySymbol { OverriddenProperty: { } overridden }:
                yield return overridden;
                break;
            case IParameterSymbol { ContainingSymbol: IMethodSymbol { OverriddenMethod: { } overriddenMethod } } parameter
                when parameter.Ordinal < overriddenMethod.Parameters.Length:
                yield return overriddenMethod.Parameters[parameter.Ordinal];
                break;
        }

        // A parameter of an interface implementation: the interface method's parameter, where callers through the
        // interface see the annotation (and where SP9001 asks for it).
        if (member is IParameterSymbol { ContainingSymbol: IMethodSymbol { ContainingType: { } owner } method } implementing)
        {
            foreach (var implemented in ImplementedInterfaceMembers(method, owner))
            {
                if (implemented is IMethodSymbol interfaceMethod && implementing.Ordinal < interfaceMethod.Parameters.Length)
                {
                    yield return interfaceMethod.Parameters[implementing.Ordinal];
                }
            }
        }

        if (member is IPropertySymbol property && property.ContainingType is { } type)
        {
            foreach (var implemented in ImplementedInterfaceMembers(property, type))
            {
                yield return implemented;
            }

            if (type.IsRecord)
            {
                foreach (var constructor in type.InstanceConstructors)
                {
                    foreach (var parameter in constructor.Parameters)
                    {
                        if (parameter.Name == property.Name && !constructor.IsImplicitlyDeclared && constructor.DeclaringSyntaxReferences.Length > 0
                            && SymbolEqualityComparer.Default.Equals(parameter.Type, property.Type))
                        {
                            yield return parameter;
                        }
                    }
                }
            }
        }
    }

    /// <summary>Whether <paramref name="member"/> implements a member of an interface (implicitly or explicitly).</summary>
    public static bool ImplementsInterface(ISymbol member) =>
        member.ContainingType is { } type && ImplementedInterfaceMembers(member, type).Any();

    private static IEnumerable<ISymbol> ImplementedInterfaceMembers(ISymbol member, INamedTypeSymbol type)
    {
        var explicitly = member switch
        {
            IMethodSymbol method => method.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
            IPropertySymbol property => property.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
            _ => ImmutableArray<ISymbol>.Empty,
        };
        foreach (var implemented in explicitly)
        {
            yield return implemented;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var candidate in @interface.GetMembers(member.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), member))
                {
                    yield return candidate;
                }
            }
        }
    }

    // A type's own annotation ([PersonalData] class Address), from itself, a base type or an interface. Base types
    // and interfaces are walked in loops: Roslyn gives every type a finite, acyclic chain of both.
    private MemberClass TypeAnnotation(ITypeSymbol type) => !_scope.MayAnnotate(type) ? default : _typeAnnotations.GetOrAdd(type.OriginalDefinition, t =>
    {
        var own = ExternalOrOwn(t, t.GetAttributes());
        if (own.IsSilenced || own.IsPersonal)
        {
            return own;
        }

        for (var baseType = t.BaseType; baseType is not null && !IsPlainValue(baseType) && _scope.MayAnnotate(baseType); baseType = baseType.BaseType)
        {
            var inherited = ExternalOrOwn(baseType.OriginalDefinition, baseType.GetAttributes());
            if (inherited.IsPersonal)
            {
                return inherited;
            }
        }

        foreach (var @interface in t.AllInterfaces)
        {
            var inherited = _scope.MayAnnotate(@interface) ? ExternalOrOwn(@interface.OriginalDefinition, @interface.GetAttributes()) : default;
            if (inherited.IsPersonal)
            {
                return inherited;
            }
        }

        return own;
    });

    // What a value of the type is: for a collection, task or nullable, what its innermost element is; for a type
    // that cannot carry annotations, what its type arguments hold (KeyValuePair<string, User>); else what the type's
    // own annotation and own members make it. Never through ClassifyType again, so that no chain of element types,
    // however it loops, can recurse.
    private TypeData ComputeType(ITypeSymbol type)
    {
        if (Innermost(type) is not INamedTypeSymbol named || IsPlainValue(named))
        {
            return TypeData.None;
        }

        if (_scope.MayAnnotate(named))
        {
            return OwnData(named);
        }

        return HasTypeArguments(named) ? HeldThroughTypeArguments(named) : TypeData.None;
    }

    private TypeData HeldThroughTypeArguments(INamedTypeSymbol type)
    {
        TypeData? first = null;
        DataClass held = default;
        foreach (var heldType in HeldTypes(type))
        {
            if (heldType is INamedTypeSymbol named && OwnData(named) is { IsPersonal: true } data)
            {
                first ??= data;
                held = held.IsEmpty ? data.Class : held.Union(data.Class);
            }
        }

        return first is null ? TypeData.None : new TypeData(TaintShape.Holder, held, first.HeldMembers, first.Origin);
    }

    // A type is personal data by its own annotation, and holds personal data by its own members: those annotated,
    // and those whose values are of a type annotated as personal data. A member that only refers to another entity
    // (Rating.Member, Order.Customer) is a link, not a copy: the entity's data is read, and found, where the code
    // reads it.
    private TypeData OwnData(INamedTypeSymbol type) => !_scope.MayAnnotate(type) ? TypeData.None : _own.GetOrAdd(type, t =>
    {
        var named = (INamedTypeSymbol)t;
        var annotation = TypeAnnotation(named);
        if (annotation.IsSilenced)
        {
            return TypeData.None;
        }

        if (annotation.IsPersonal)
        {
            return new TypeData(TaintShape.Data, annotation.Class, ImmutableArray<string>.Empty, named);
        }

        DataClass held = default;
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var (member, memberType) in AnnotatableMembers(named))
        {
            var memberClass = ClassifyMember(member);
            if (memberClass.IsSilenced)
            {
                continue;
            }

            var found = memberClass.IsPersonal ? memberClass.Class : default;
            if (found.IsEmpty && memberType is not null && !IsPlainValue(memberType))
            {
                foreach (var heldType in HeldTypes(memberType))
                {
                    if (TypeAnnotation(heldType) is { IsPersonal: true } heldAnnotation)
                    {
                        found = found.IsEmpty ? heldAnnotation.Class : found.Union(heldAnnotation.Class);
                    }
                }
            }

            if (!found.IsEmpty)
            {
                held = held.IsEmpty ? found : held.Union(found);
                if (!names.Contains(member.Name))
                {
                    names.Add(member.Name);
                }
            }
        }

        return held.IsEmpty ? TypeData.None : new TypeData(TaintShape.Holder, held, names.ToImmutable(), named);
    });

    // The types a value holds: its innermost element (a List<User> holds users), and through generic types that
    // cannot carry annotations their type arguments (a Dictionary<string, List<User>> holds users too). Bounded,
    // each type once.
    private IEnumerable<ITypeSymbol> HeldTypes(ITypeSymbol type)
    {
        var pending = new Stack<ITypeSymbol>();
        pending.Push(type);
        var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        while (pending.Count > 0 && seen.Count < MaximumElementDepth)
        {
            var current = pending.Pop();
            var inner = IsPlainValue(current) ? null : Innermost(current);
            if (inner is null || IsPlainValue(inner) || !seen.Add(inner))
            {
                continue;
            }

            if (inner is INamedTypeSymbol { IsGenericType: true } generic && !_scope.MayAnnotate(generic))
            {
                for (var i = generic.TypeArguments.Length - 1; i >= 0; i--)
                {
                    pending.Push(generic.TypeArguments[i]);
                }

                continue;
            }

            yield return inner;
        }
    }

    /// <summary>
    /// The members of <paramref name="type"/> that carry personal data other than user-generated content: the
    /// author of a post, the reporter of a report. Empty for a content-only type.
    /// </summary>
    public ImmutableArray<string> NonContentMembers(ITypeSymbol type)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        var element = Innermost(type);
        var visited = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default) { element.OriginalDefinition };
        foreach (var (member, memberType) in AnnotatableMembers(element))
        {
            if (!names.Contains(member.Name) && CarriesNonContent(member, memberType, SerialisedDepth, visited))
            {
                names.Add(member.Name);
            }
        }

        return names.ToImmutable();
    }

    // Whether the member is personal data other than content, or (to a bounded depth, each type once) holds some.
    private bool CarriesNonContent(ISymbol member, ITypeSymbol? memberType, int depth, HashSet<ITypeSymbol> visited)
    {
        var memberClass = ClassifyMember(member);
        if (memberClass.IsSilenced)
        {
            return false;
        }

        if (memberClass.IsPersonal)
        {
            return !IsContentOnly(memberClass.Class);
        }

        if (memberType is null || depth <= 0 || ClassifyType(memberType) is not { IsPersonal: true } memberData)
        {
            return false;
        }

        if (memberData.Shape == TaintShape.Data)
        {
            return !IsContentOnly(memberData.Class);
        }

        var element = Innermost(memberType);
        return visited.Add(element.OriginalDefinition)
            && AnnotatableMembers(element).Any(inner => CarriesNonContent(inner.Member, inner.Type, depth - 1, visited));
    }

    private static bool IsContentOnly(DataClass dataClass) => (dataClass.Kinds & ~DataKinds.Personal) == DataKinds.UserGeneratedContent;

    /// <summary>
    /// The instance properties and fields of <paramref name="type"/> and its base types that can carry annotations:
    /// a controller's or a DbContext's framework base has hundreds of members and none that could be personal data.
    /// </summary>
    public IEnumerable<(ISymbol Member, ITypeSymbol? Type)> AnnotatableMembers(ITypeSymbol type)
    {
        for (var current = type; current is not null && !IsPlainValue(current) && _scope.MayAnnotate(current); current = current.BaseType)
        {
            foreach (var member in DeclaredDataMembers(current))
            {
                yield return member;
            }
        }
    }

    /// <summary>The instance properties and fields a value of the type carries, its base types' included.</summary>
    public static IEnumerable<(ISymbol Member, ITypeSymbol? Type)> InstanceDataMembers(ITypeSymbol type)
    {
        for (var current = type; current is not null && !IsPlainValue(current); current = current.BaseType)
        {
            foreach (var member in DeclaredDataMembers(current))
            {
                yield return member;
            }
        }
    }

    private static IEnumerable<(ISymbol Member, ITypeSymbol? Type)> DeclaredDataMembers(ITypeSymbol type)
    {
        foreach (var member in type.GetMembers())
        {
            if (member.IsStatic || member.IsImplicitlyDeclared)
            {
                continue;
            }

            switch (member)
            {
                case IPropertySymbol { IsIndexer: false } property:
                    yield return (property, property.Type);
                    break;
                case IFieldSymbol { AssociatedSymbol: null } field:
                    yield return (field, field.Type);
                    break;
            }
        }
    }

    /// <summary>The element type of arrays, collections, nullables and tasks: a list of users holds what a user holds.</summary>
    public static ITypeSymbol? ElementType(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return array.ElementType;
            case INamedTypeSymbol { IsGenericType: true } generic when generic.TypeArguments.Length == 1 && IsWrapper(generic):
                return generic.TypeArguments[0];
            case INamedTypeSymbol named when named.SpecialType == SpecialType.None:
                foreach (var @interface in named.AllInterfaces)
                {
                    if (@interface.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                    {
                        var element = @interface.TypeArguments[0];
                        return element.SpecialType == SpecialType.System_Char ? null : element;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The innermost element of collections, tasks and nullables (<c>Task&lt;List&lt;User&gt;&gt;</c> → <c>User</c>), or the
    /// type itself. Element chains can loop: a type that enumerates itself, directly or through others
    /// (<c>JToken : IEnumerable&lt;JToken&gt;</c>, <c>Tree : List&lt;Tree&gt;</c>), is its own innermost element, and a
    /// collection of such a type has that type as its innermost element.
    /// </summary>
    public static ITypeSymbol Innermost(ITypeSymbol type)
    {
        var current = type;
        HashSet<ITypeSymbol>? seen = null;
        for (var depth = 0; depth < MaximumElementDepth && ElementType(current) is { } element; depth++)
        {
            seen ??= new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default) { current };
            if (!seen.Add(element))
            {
                // The chain entered a loop at element: the type where it entered is what the values are.
                return element;
            }

            current = element;
        }

        return current;
    }

    private static bool IsWrapper(INamedTypeSymbol generic)
    {
        if (generic.OriginalDefinition.SpecialType is SpecialType.System_Nullable_T or SpecialType.System_Collections_Generic_IEnumerable_T)
        {
            return true;
        }

        return MetadataNames.Is(generic, "System.Threading.Tasks.Task`1") || MetadataNames.Is(generic, "System.Threading.Tasks.ValueTask`1")
            || MetadataNames.Is(generic, "System.Collections.Generic.IAsyncEnumerable`1") || MetadataNames.Is(generic, "System.Lazy`1");
    }

    private static bool HasTypeArguments(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (!current.TypeArguments.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Types whose values carry no annotations of their own: primitives, strings, enums, delegates, type parameters
    /// and the non-generic, non-collection types of the System namespace (DateTime, Guid, Uri, IPAddress …).
    /// </summary>
    public static bool IsPlainValue(ITypeSymbol type)
    {
        if (type.TypeKind is TypeKind.Enum or TypeKind.Delegate or TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Dynamic or TypeKind.Error or TypeKind.TypeParameter)
        {
            return true;
        }

        if (type.SpecialType != SpecialType.None)
        {
            return true;
        }

        return type is INamedTypeSymbol { IsGenericType: false } named
            && IsInSystemNamespace(named)
            && !named.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
    }

    /// <summary>Framework types: searched for annotations on their own members, never descended into.</summary>
    public static bool IsFrameworkType(ITypeSymbol type) => IsInSystemNamespace(type) || RootNamespace(type) == "Microsoft";

    private static bool IsInSystemNamespace(ITypeSymbol type) => RootNamespace(type) == "System";

    private static string? RootNamespace(ITypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        if (ns is null || ns.IsGlobalNamespace)
        {
            return null;
        }

        while (ns.ContainingNamespace is { IsGlobalNamespace: false } parent)
        {
            ns = parent;
        }

        return ns.Name;
    }
}
