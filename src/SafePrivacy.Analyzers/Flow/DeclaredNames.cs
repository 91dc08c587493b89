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
    private const string MelLogger = "Microsoft.Extensions.Logging.ILogger";

    private static readonly char[] Alternatives = { '|' };

    private readonly DataClassifier _classifier;
    private readonly Queue<INamedTypeSymbol> _personalTypes = new();
    private readonly HashSet<ITypeSymbol> _seenTypes = new(SymbolEqualityComparer.Default);

    private DeclaredNames(DataClassifier classifier) => _classifier = classifier;

    /// <summary>Names a value of personal data can be reached by: members, types, methods that return it.</summary>
    public HashSet<string> Data { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Names a sink can be reached by: methods, constructors' types, delegate members.</summary>
    public HashSet<string> Sinks { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Declarations (by syntax) whose parameters receive personal data, so that their bodies start with some.</summary>
    public HashSet<SyntaxReferenceKey> DataParameterDeclarations { get; } = new();

    /// <summary>Type declarations (by syntax) whose instances are personal data, or hold some in their own members.</summary>
    public Dictionary<SyntaxReferenceKey, TaintShape> PersonalTypeDeclarations { get; } = new();

    /// <summary>Whether anything in reach is declared personal data.</summary>
    public bool DeclaresData { get; private set; }

    /// <summary>Whether any method in reach is a <c>[ModerationAction]</c>.</summary>
    public bool DeclaresModerationActions { get; private set; }

    public static DeclaredNames Read(PrivacyModel model, AnnotationScope scope, CancellationToken cancellationToken)
    {
        var compilation = model.Compilation;
        var names = new DeclaredNames(model.Classifier);
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
            Sinks.Add(type.Name);
        }

        var classifierType = AttributeNames.Find(type, AttributeNames.ModerationClassifier) is not null;
        foreach (var member in type.GetMembers())
        {
            switch (member)
            {
                case IPropertySymbol property:
                    ReadValueMember(property, property.Type);
                    break;
                case IFieldSymbol field:
                    ReadValueMember(field, field.Type);
                    break;
                case IMethodSymbol method:
                    ReadMethod(method, inSource, classifierType);
                    break;
            }
        }
    }

    private void ReadValueMember(ISymbol member, ITypeSymbol type)
    {
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
            Sinks.Add(member.Name);
        }
    }

    private void ReadMethod(IMethodSymbol method, bool inSource, bool classifierType)
    {
        DeclaresModerationActions |= AttributeNames.Find(method, AttributeNames.ModerationAction) is not null;
        if (!_classifier.ClassifyReturn(method).IsEmpty)
        {
            Data.Add(method.Name);
            DeclaresData = true;
        }

        if (MentionsPersonal(method.ReturnType))
        {
            Data.Add(method.Name);
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
            Sinks.Add(method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name);
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
    // UserManager<AppUser>, a Dictionary<string, Task<User>>. Every personal type met is noted.
    private bool MentionsPersonal(ITypeSymbol type)
    {
        var found = false;
        var pending = new Stack<(ITypeSymbol Type, int Depth)>();
        pending.Push((type, 0));
        while (pending.Count > 0)
        {
            var (current, depth) = pending.Pop();
            if (_classifier.ClassifyType(current) is { IsPersonal: true, Origin: { } origin })
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
            foreach (var (member, memberType) in DataClassifier.InstanceDataMembers(type))
            {
                if (wholeIsData || _classifier.ClassifyMember(member).IsPersonal || (memberType is not null && MentionsPersonal(memberType)))
                {
                    Data.Add(member.Name);
                }
            }
        }
    }

    // The catalogue's methods by name (a constructor by its type's, a setter by its property's, a receiver-bound
    // sink by its receiver property too: Exception.Data, MailMessage.To), and every file's .editorconfig sinks.
    private void ReadSinkCatalogue(PrivacyModel model)
    {
        foreach (var entry in SinkCatalogue.Entries)
        {
            foreach (var name in entry.MethodNames)
            {
                Sinks.Add(name switch
                {
                    ".ctor" => SimpleTypeName(entry.TypeName),
                    _ when name.StartsWith("set_", System.StringComparison.Ordinal) => name.Substring(4),
                    _ => name,
                });
            }

            foreach (var receiver in (entry.Receiver ?? string.Empty).Split(Alternatives, System.StringSplitOptions.RemoveEmptyEntries))
            {
                Sinks.Add(receiver.Substring(receiver.LastIndexOf('.') + 1));
            }
        }

        // LoggerMessage.Define's delegates are sinks wherever they are kept; a local one is defined in the same body.
        Sinks.Add("Define");
        foreach (var tree in model.Compilation.SyntaxTrees)
        {
            Sinks.UnionWith(model.ConfiguredSinksFor(tree).MethodNames);
        }
    }

    private static string SimpleTypeName(string metadataName)
    {
        var name = metadataName.Substring(metadataName.LastIndexOf('.') + 1);
        var tick = name.IndexOf('`');
        return tick < 0 ? name : name.Substring(0, tick);
    }

    // Action<ILogger, T1, …, Exception?>: what LoggerMessage.Define returns.
    private static bool IsLoggerMessageDelegate(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, IsGenericType: true } action
        && action.TypeArguments.Length >= 2
        && MetadataNames.Is(action.TypeArguments[0], MelLogger)
        && MetadataNames.Is(action.TypeArguments[action.TypeArguments.Length - 1], "System.Exception");
}

/// <summary>A declaration's place in source, comparable without its syntax node: its tree and where it starts.</summary>
internal readonly record struct SyntaxReferenceKey(SyntaxTree Tree, int Start)
{
    public static SyntaxReferenceKey Of(SyntaxReference reference) => new(reference.SyntaxTree, reference.Span.Start);

    public static SyntaxReferenceKey Of(SyntaxNode node) => new(node.SyntaxTree, node.SpanStart);
}
