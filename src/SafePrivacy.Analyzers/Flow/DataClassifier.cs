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

    // How deep a type's members are searched for personal data (Order → Customer → Email is depth 2).
    private const int HolderDepth = 3;

    private readonly ExternalAnnotations _external;
    private readonly AnnotationScope _scope;
    private readonly ConcurrentDictionary<ISymbol, MemberClass> _members = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, DataClass> _returns = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, MemberClass> _typeAnnotations = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, TypeData> _types = new(SymbolEqualityComparer.Default);

    public DataClassifier(ExternalAnnotations external, AnnotationScope scope)
    {
        _external = external;
        _scope = scope;
    }

    /// <summary>A property, field or parameter: its own annotations, or those of what it overrides or implements.</summary>
    public MemberClass ClassifyMember(ISymbol member) =>
        _scope.MayAnnotate(member) ? _members.GetOrAdd(member.OriginalDefinition, ComputeMember) : default;

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

            if (AttributeNames.Is(type, AttributeNames.NotPersonalData))
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

    private MemberClass ComputeMember(ISymbol member)
    {
        if (_external.Find(member) is { } external)
        {
            return external;
        }

        var own = FromAttributes(member.GetAttributes());
        if (own.IsSilenced || own.IsPersonal)
        {
            return own;
        }

        foreach (var related in RelatedMembers(member))
        {
            var inherited = ClassifyMember(related);
            if (inherited.IsSilenced || inherited.IsPersonal)
            {
                return inherited;
            }
        }

        return own;
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

    private DataClass ComputeReturn(IMethodSymbol method)
    {
        if (_external.Find(method) is { } external)
        {
            return external.IsPersonal ? external.Class : default;
        }

        var own = FromAttributes(method.GetReturnTypeAttributes());
        if (own.IsPersonal)
        {
            return own.Class;
        }

        if (own.IsSilenced)
        {
            return default;
        }

        if (method.OverriddenMethod is { } overridden)
        {
            return ClassifyReturn(overridden);
        }

        if (method.ContainingType is { } type)
        {
            foreach (var implemented in ImplementedInterfaceMembers(method, type).OfType<IMethodSymbol>())
            {
                var inherited = ClassifyReturn(implemented);
                if (!inherited.IsEmpty)
                {
                    return inherited;
                }
            }
        }

        return default;
    }

    // A type's own annotation ([PersonalData] class Address), from itself, a base type or an interface.
    private MemberClass TypeAnnotation(ITypeSymbol type) => !_scope.MayAnnotate(type) ? default : _typeAnnotations.GetOrAdd(type.OriginalDefinition, t =>
    {
        if (_external.Find(t) is { } external)
        {
            return external;
        }

        var own = FromAttributes(t.GetAttributes());
        if (own.IsSilenced || own.IsPersonal)
        {
            return own;
        }

        if (t.BaseType is { } baseType && !IsPlainValue(baseType))
        {
            var inherited = TypeAnnotation(baseType);
            if (inherited.IsPersonal)
            {
                return inherited;
            }
        }

        foreach (var @interface in t.Interfaces)
        {
            var inherited = TypeAnnotation(@interface);
            if (inherited.IsPersonal)
            {
                return inherited;
            }
        }

        return own;
    });

    private TypeData ComputeType(ITypeSymbol type)
    {
        var element = ElementType(type);
        if (element is not null)
        {
            return ClassifyType(element);
        }

        if (type is not INamedTypeSymbol named)
        {
            return TypeData.None;
        }

        var annotation = TypeAnnotation(named);
        if (annotation.IsSilenced)
        {
            return TypeData.None;
        }

        if (annotation.IsPersonal)
        {
            return new TypeData(TaintShape.Data, annotation.Class, ImmutableArray<string>.Empty, named);
        }

        // A type from an assembly that cannot annotate holds personal data only through its type arguments
        // (KeyValuePair<string, User>); anything else about it is settled without looking at its members.
        if (!_scope.MayAnnotate(named) && !HasTypeArguments(named))
        {
            return TypeData.None;
        }

        // A holder: its members (to a bounded depth) are personal data. Computed from the type graph alone, not
        // from other cached results, so the answer never depends on the order types are asked about.
        DataClass held = default;
        var names = ImmutableArray.CreateBuilder<string>();
        var visited = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default) { named.OriginalDefinition };
        var level = new List<ITypeSymbol> { named };
        for (var depth = 0; depth < HolderDepth && level.Count > 0; depth++)
        {
            var next = new List<ITypeSymbol>();
            foreach (var current in level)
            {
                foreach (var (member, memberType) in InstanceDataMembers(current))
                {
                    var memberClass = ClassifyMember(member);
                    if (memberClass.IsSilenced)
                    {
                        continue;
                    }

                    var plain = memberType is null || IsPlainValue(memberType);
                    var elementType = plain ? null : ElementType(memberType!) ?? memberType;
                    var memberTypeAnnotation = elementType is null ? default : TypeAnnotation(elementType);
                    var found = memberClass.IsPersonal ? memberClass.Class : memberTypeAnnotation.IsPersonal ? memberTypeAnnotation.Class : default;
                    if (!found.IsEmpty)
                    {
                        held = held.IsEmpty ? found : held.Union(found);
                        if (depth == 0 && !names.Contains(member.Name))
                        {
                            names.Add(member.Name);
                        }
                    }
                    else if (elementType is not null && !IsFrameworkType(elementType) && visited.Add(elementType.OriginalDefinition))
                    {
                        next.Add(elementType);
                    }
                }
            }

            level = next;
        }

        return held.IsEmpty ? TypeData.None : new TypeData(TaintShape.Holder, held, names.ToImmutable(), named);
    }

    /// <summary>
    /// The members of <paramref name="type"/> that carry personal data other than user-generated content: the
    /// author of a post, the reporter of a report. Empty for a content-only type.
    /// </summary>
    public ImmutableArray<string> NonContentMembers(ITypeSymbol type, int depth = HolderDepth)
    {
        var element = ElementType(type) ?? type;
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var (member, memberType) in InstanceDataMembers(element))
        {
            var memberClass = ClassifyMember(member);
            if (memberClass.IsSilenced)
            {
                continue;
            }

            var carriesOtherData = memberClass.IsPersonal
                ? !IsContentOnly(memberClass.Class)
                : memberType is not null && depth > 0 && ClassifyType(memberType) is { IsPersonal: true } memberData
                    && (memberData.Shape == TaintShape.Data ? !IsContentOnly(memberData.Class) : !NonContentMembers(memberType, depth - 1).IsEmpty);
            if (carriesOtherData && !names.Contains(member.Name))
            {
                names.Add(member.Name);
            }
        }

        return names.ToImmutable();
    }

    private static bool IsContentOnly(DataClass dataClass) => (dataClass.Kinds & ~DataKinds.Personal) == DataKinds.UserGeneratedContent;

    /// <summary>The instance properties and fields a value of the type carries, its base types' included.</summary>
    public static IEnumerable<(ISymbol Member, ITypeSymbol? Type)> InstanceDataMembers(ITypeSymbol type)
    {
        for (var current = type; current is not null && !IsPlainValue(current); current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
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
