using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Sinks;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// The names that can denote personal data or a sink in a compilation, read from declarations alone (symbols and
/// their attributes, never a body): annotated members and return values, types that are or hold personal data and
/// their personal members, members whose type mentions one (<c>UserManager&lt;AppUser&gt;</c>); sink attributes,
/// <c>[LoggerMessage]</c> methods, classifiers, <c>LoggerMessage.Define</c> delegates, exception types, the sink
/// catalogue and .editorconfig. What the candidate index closes over, and what decides whether anything at all is
/// declared: a project whose declarations name no personal data pays nothing for the flow rules.
/// </summary>
internal sealed class DeclaredNames
{
    // The personal types reached from declarations are followed to their members; real domains have hundreds.
    private const int MaximumPersonalTypes = 5000;
    private const int MaximumTypeArgumentDepth = 8;

    private const string LoggerMessageAttribute = "Microsoft.Extensions.Logging.LoggerMessageAttribute";

    private static readonly char[] Alternatives = { '|' };

    private readonly DataClassifier _classifier;
    private readonly AnnotationScope _scope;
    private readonly Queue<INamedTypeSymbol> _personalTypes = new();
    private readonly HashSet<ITypeSymbol> _seenTypes = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ITypeSymbol, bool> _mentions = new(SymbolEqualityComparer.Default);

    private DeclaredNames(DataClassifier classifier, AnnotationScope scope)
    {
        _classifier = classifier;
        _scope = scope;
    }

    /// <summary>Names a value of personal data can be reached by: members, types, methods that return it.</summary>
    public HashSet<string> Data { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Methods (by their type's simple name) that return personal data: annotated return values, personal return types.</summary>
    public QualifiedNames DataMethods { get; } = new();

    /// <summary>Methods (by their type's simple name) that are sinks: the catalogue, sink attributes, [LoggerMessage], classifiers, .editorconfig.</summary>
    public QualifiedNames SinkMethods { get; } = new();

    /// <summary>Receiver-bound sinks by the receiver property's name: <c>Data.Add</c>, <c>To.Add</c>, <c>Out.WriteLine</c>.</summary>
    public QualifiedNames ReceiverSinks { get; } = new();

    /// <summary>Types whose construction is a sink (<c>new MailMessage(from, to)</c>), besides every exception.</summary>
    public HashSet<string> SinkCreations { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Members that are sinks when invoked themselves: fields and properties holding <c>LoggerMessage.Define</c> delegates.</summary>
    public HashSet<string> SinkMembers { get; } = new(System.StringComparer.Ordinal);

    /// <summary>For each source type's simple name: itself, its base types and its interfaces, by simple name.</summary>
    public Dictionary<string, HashSet<string>> Families { get; } = new(System.StringComparer.Ordinal);

    /// <summary>For each source type's simple name and member name: the simple names its declared type mentions.</summary>
    public Dictionary<(string Type, string Member), HashSet<string>> MemberTypes { get; } = new();

    /// <summary>Declarations (by syntax) whose parameters receive personal data, so that their bodies start with some.</summary>
    public HashSet<SyntaxReferenceKey> DataParameterDeclarations { get; } = new();

    /// <summary>Type declarations (by syntax) whose instances are personal data, or hold some in their own members.</summary>
    public Dictionary<SyntaxReferenceKey, TaintShape> PersonalTypeDeclarations { get; } = new();

    /// <summary>Whether anything in reach is declared personal data.</summary>
    public bool DeclaresData { get; private set; }

    /// <summary>Whether any method in reach is a <c>[ModerationAction]</c>.</summary>
    public bool DeclaresModerationActions { get; private set; }

    /// <summary>Whether any type or method in reach is a <c>[ModerationPipeline]</c>, whose rules follow its helpers' own sinks.</summary>
    public bool DeclaresModerationPipelines { get; private set; }

    public static DeclaredNames Read(PrivacyModel model, AnnotationScope scope, CancellationToken cancellationToken)
    {
        var compilation = model.Compilation;
        var names = new DeclaredNames(model.Classifier, scope);
        foreach (var type in model.Bodies.SourceTypes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            names.ReadType(type, inSource: true);
        }

        // A library built against the annotations carries them in its metadata to every project that uses it.
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (scope.MayAnnotate(assembly) && !AnnotationScope.IsFramework(assembly))
            {
                foreach (var type in DeclaredTypes.In(assembly.GlobalNamespace))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    names.ReadType(type, inSource: false);
                }
            }
        }

        foreach (var symbol in model.External.Symbols)
        {
            names.Data.Add(symbol.Name);
            names.DeclaresData = true;
            if (symbol is INamedTypeSymbol annotatedType)
            {
                names.NotePersonal(annotatedType);
            }
        }

        names.ReadPersonalTypes(cancellationToken);
        names.ReadSinkCatalogue(model);
        return names;
    }

    private void ReadType(INamedTypeSymbol type, bool inSource)
    {
        var data = _classifier.ClassifyType(type);
        if (data is { IsPersonal: true, Origin: { } origin })
        {
            Data.Add(type.Name);
            NotePersonal(origin);
            if (inSource)
            {
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    PersonalTypeDeclarations[SyntaxReferenceKey.Of(reference)] = data.Shape;
                }
            }
        }

        if (MetadataNames.DerivesFrom(type, "System.Exception"))
        {
            SinkCreations.Add(type.Name);
        }

        if (inSource)
        {
            ReadFamily(type);
        }

        DeclaresModerationPipelines |= AttributeNames.Find(type, AttributeNames.ModerationPipeline) is not null;
        var classifierType = AttributeNames.Find(type, AttributeNames.ModerationClassifier) is not null;
        foreach (var member in type.GetMembers())
        {
            switch (member)
            {
                case IPropertySymbol property:
                    ReadValueMember(property, property.Type, inSource);
                    break;
                case IFieldSymbol field:
                    ReadValueMember(field, field.Type, inSource);
                    break;
                case IMethodSymbol method:
                    ReadMethod(method, inSource, classifierType);
                    break;
            }
        }
    }

    private void ReadFamily(INamedTypeSymbol type)
    {
        if (!Families.TryGetValue(type.Name, out var family))
        {
            Families[type.Name] = family = new HashSet<string>(System.StringComparer.Ordinal);
        }

        // System.Object (and ValueType, Enum) is everyone's base: naming it relates nothing to anything.
        family.Add(type.Name);
        for (var baseType = type.BaseType; baseType is not null && baseType.ContainingNamespace is not { Name: "System", ContainingNamespace.IsGlobalNamespace: true }; baseType = baseType.BaseType)
        {
            family.Add(baseType.Name);
        }

        foreach (var @interface in type.AllInterfaces)
        {
            family.Add(@interface.Name);
        }
    }

    private void NoteMemberType(ISymbol member, ITypeSymbol type)
    {
        var key = (member.ContainingType.Name, member.Name);
        if (!MemberTypes.TryGetValue(key, out var names))
        {
            MemberTypes[key] = names = new HashSet<string>(System.StringComparer.Ordinal);
        }

        // Most members' types are neither generic nor arrays: named without the walk.
        names.Add(type.Name);
        if (type is not (INamedTypeSymbol { IsGenericType: true } or IArrayTypeSymbol))
        {
            return;
        }

        var pending = new Stack<(ITypeSymbol Type, int Depth)>();
        pending.Push((type, 0));
        while (pending.Count > 0)
        {
            var (current, depth) = pending.Pop();
            names.Add(current.Name);
            if (depth < MaximumTypeArgumentDepth && current is INamedTypeSymbol { IsGenericType: true } generic)
            {
                foreach (var argument in generic.TypeArguments)
                {
                    pending.Push((argument, depth + 1));
                }
            }
            else if (depth < MaximumTypeArgumentDepth && current is IArrayTypeSymbol array)
            {
                pending.Push((array.ElementType, depth + 1));
            }
        }
    }

    private void ReadValueMember(ISymbol member, ITypeSymbol type, bool inSource)
    {
        if (inSource)
        {
            NoteMemberType(member, type);
        }

        if (_classifier.ClassifyMember(member).IsPersonal)
        {
            Data.Add(member.Name);
            DeclaresData = true;
        }

        if (MentionsPersonal(type))
        {
            Data.Add(member.Name);
        }

        if (IsLoggerMessageDelegate(type))
        {
            SinkMembers.Add(member.Name);
        }
    }

    private void ReadMethod(IMethodSymbol method, bool inSource, bool classifierType)
    {
        if (method.MethodKind is MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove)
        {
            return;
        }

        DeclaresModerationActions |= AttributeNames.Find(method, AttributeNames.ModerationAction) is not null;
        DeclaresModerationPipelines |= AttributeNames.Find(method, AttributeNames.ModerationPipeline) is not null;
        if (inSource && method.MethodKind == MethodKind.Ordinary)
        {
            NoteMemberType(method, method.ReturnType);
        }

        if (!_classifier.ClassifyReturn(method).IsEmpty)
        {
            DataMethods.Add(method.ContainingType.Name, method.Name);
            DeclaresData = true;
        }

        if (MentionsPersonal(method.ReturnType))
        {
            DataMethods.Add(method.ContainingType.Name, method.Name);
        }

        var receivesData = false;
        var sinkParameter = false;
        foreach (var parameter in method.Parameters)
        {
            if (_classifier.ClassifyMember(parameter).IsPersonal)
            {
                receivesData = true;
                DeclaresData = true;
            }

            receivesData |= MentionsPersonal(parameter.Type);
            sinkParameter |= HasSinkAttribute(parameter);
        }

        if (receivesData && inSource)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                DataParameterDeclarations.Add(SyntaxReferenceKey.Of(reference));
            }

            // A primary constructor's parameters are captured like fields: every member may read them.
            if (method.MethodKind == MethodKind.Constructor)
            {
                foreach (var parameter in method.Parameters)
                {
                    Data.Add(parameter.Name);
                }
            }
        }

        if (sinkParameter || HasSinkAttribute(method) || classifierType
            || AttributeNames.Find(method, AttributeNames.ModerationClassifier) is not null
            || method.GetAttributes().Any(a => MetadataNames.Is(a.AttributeClass, LoggerMessageAttribute)))
        {
            if (method.MethodKind == MethodKind.Constructor)
            {
                SinkCreations.Add(method.ContainingType.Name);
            }
            else
            {
                SinkMethods.Add(method.ContainingType.Name, method.Name);
            }
        }
    }

    private static bool HasSinkAttribute(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (AttributeNames.Is(attribute.AttributeClass, AttributeNames.LogSink)
                || AttributeNames.Is(attribute.AttributeClass, AttributeNames.StorageSink)
                || AttributeNames.Is(attribute.AttributeClass, AttributeNames.ExternalTransfer))
            {
                return true;
            }
        }

        return false;
    }

    // Whether values of the type are, hold or contain in a type argument personal data: a List<User>, a
    // UserManager<AppUser>, a Dictionary<string, Task<User>>. Only types that can carry annotations are classified
    // (the framework's List<T> and Task<T> are looked through); every personal type met is noted.
    private bool MentionsPersonal(ITypeSymbol type)
    {
        if (DataClassifier.IsPlainValue(type))
        {
            return false;
        }

        if (_mentions.TryGetValue(type, out var known))
        {
            return known;
        }

        var found = false;
        var pending = new Stack<(ITypeSymbol Type, int Depth)>();
        pending.Push((type, 0));
        while (pending.Count > 0)
        {
            var (current, depth) = pending.Pop();
            if (DataClassifier.IsPlainValue(current))
            {
                continue;
            }

            if (_scope.MayAnnotate(current) && _classifier.ClassifyType(current) is { IsPersonal: true, Origin: { } origin })
            {
                NotePersonal(origin);
                found = true;
            }

            if (depth >= MaximumTypeArgumentDepth)
            {
                continue;
            }

            switch (current)
            {
                case IArrayTypeSymbol array:
                    pending.Push((array.ElementType, depth + 1));
                    break;
                case INamedTypeSymbol { IsGenericType: true } generic:
                    foreach (var argument in generic.TypeArguments)
                    {
                        pending.Push((argument, depth + 1));
                    }

                    break;
            }
        }

        _mentions[type] = found;
        return found;
    }

    private void NotePersonal(INamedTypeSymbol type)
    {
        if (_seenTypes.Count < MaximumPersonalTypes && _seenTypes.Add(type.OriginalDefinition))
        {
            Data.Add(type.Name);
            DeclaresData = true;
            _personalTypes.Enqueue(type);
        }
    }

    // The members of a personal type (its base types' included) by which its data is read: its personal members,
    // members whose type mentions personal data, and — for a type that is personal data as a whole — every member.
    private void ReadPersonalTypes(CancellationToken cancellationToken)
    {
        while (_personalTypes.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var type = _personalTypes.Dequeue();
            var wholeIsData = _classifier.ClassifyType(type).Shape == TaintShape.Data;
            foreach (var (member, memberType) in _classifier.AnnotatableMembers(type))
            {
                if (wholeIsData || _classifier.ClassifyMember(member).IsPersonal || (memberType is not null && MentionsPersonal(memberType)))
                {
                    Data.Add(member.Name);
                }
            }
        }
    }

    // The catalogue's methods by their type's simple name (and the names messages use for it: ILogger for
    // LoggerExtensions, StreamWriter), a constructor by its type's, a setter by its property's, a receiver-bound
    // sink by its receiver property too (Exception.Data, MailMessage.To); and every file's .editorconfig sinks.
    private void ReadSinkCatalogue(PrivacyModel model)
    {
        foreach (var entry in SinkCatalogue.Entries)
        {
            // An extension method is called on receivers of any type that converts to its `this` (Dapper on every
            // DbConnection), and some interfaces are called through library classes no name lists (AmazonS3Client).
            var anyReceiver = entry.Receiver is null && (entry.AnyReceiver || IsExtensionClass(model.Compilation, entry.TypeName));
            var typeNames = new List<string?> { anyReceiver ? QualifiedNames.AnyType : null, SimpleTypeName(entry.TypeName), entry.DisplayType };
            if (entry.Destination is null && entry.ReceiverType is { } receiverTypes)
            {
                typeNames.AddRange(receiverTypes.Split(Alternatives).Select(SimpleTypeName));
            }

            foreach (var method in entry.MethodNames)
            {
                var name = method.StartsWith("set_", System.StringComparison.Ordinal) ? method.Substring(4) : method;
                if (name == ".ctor")
                {
                    SinkCreations.Add(SimpleTypeName(entry.TypeName));
                    continue;
                }

                foreach (var typeName in typeNames)
                {
                    if (typeName is not null)
                    {
                        SinkMethods.Add(typeName.Split('.')[0], name);
                    }
                }

                foreach (var receiver in (entry.Receiver ?? string.Empty).Split(Alternatives, System.StringSplitOptions.RemoveEmptyEntries))
                {
                    ReceiverSinks.Add(receiver.Substring(receiver.LastIndexOf('.') + 1), name);
                }
            }
        }

        // LoggerMessage.Define's delegates are sinks wherever they are kept; a local one is defined in the same body.
        SinkMethods.Add("LoggerMessage", "Define");
        SinkMethods.Add("LoggerMessage", "DefineScope");

        // EF Core's change tracking stores without a sink call given the value (see EntityTracking).
        SinkMethods.Add("DbContext", "SaveChanges");
        SinkMethods.Add("DbContext", "SaveChangesAsync");
        SinkMethods.Add("EntityEntry", "State");
        foreach (var tree in model.Compilation.SyntaxTrees)
        {
            foreach (var configured in model.ConfiguredSinksFor(tree).QualifiedNames)
            {
                var dot = configured.LastIndexOf('.');
                var type = dot < 0 ? string.Empty : configured.Substring(0, dot);
                SinkMethods.Add(type.Substring(type.LastIndexOf('.') + 1), configured.Substring(dot + 1));
            }
        }
    }

    private static bool IsExtensionClass(Compilation compilation, string metadataName) =>
        compilation.GetTypeByMetadataName(metadataName) is { IsStatic: true, MightContainExtensionMethods: true };

    private static string SimpleTypeName(string metadataName)
    {
        var name = metadataName.Substring(metadataName.LastIndexOf('.') + 1);
        var tick = name.IndexOf('`');
        return tick < 0 ? name : name.Substring(0, tick);
    }

    private static bool IsLoggerMessageDelegate(ITypeSymbol type) => LoggerMessageDelegates.IsMessage(type) || LoggerMessageDelegates.IsScope(type);
}

/// <summary>Method names, each with the simple names of the types that declare one by that name.</summary>
internal sealed class QualifiedNames
{
    /// <summary>Stands for every type: a method of that name is matched whatever the receiver's type.</summary>
    public const string AnyType = "*";

    private readonly Dictionary<string, HashSet<string>> _typesByMethod = new(System.StringComparer.Ordinal);

    public void Add(string typeName, string methodName)
    {
        if (!_typesByMethod.TryGetValue(methodName, out var types))
        {
            _typesByMethod[methodName] = types = new HashSet<string>(System.StringComparer.Ordinal);
        }

        types.Add(typeName);
    }

    /// <summary>The types declaring a method of this name, or null when none does.</summary>
    public HashSet<string>? TypesOf(string methodName) => _typesByMethod.TryGetValue(methodName, out var types) ? types : null;
}

/// <summary>A declaration's place in source, comparable without its syntax node: its tree and where it starts.</summary>
internal readonly record struct SyntaxReferenceKey(SyntaxTree Tree, int Start)
{
    public static SyntaxReferenceKey Of(SyntaxReference reference) => new(reference.SyntaxTree, reference.Span.Start);

    public static SyntaxReferenceKey Of(SyntaxNode node) => new(node.SyntaxTree, node.SpanStart);
}
