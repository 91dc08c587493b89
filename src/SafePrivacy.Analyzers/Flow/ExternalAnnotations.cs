using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// Annotations for symbols a project does not own (<c>IdentityUser.Email</c>, a vendor SDK's models), read from
/// an <c>AdditionalFiles</c> item named <c>SafePrivacy.Annotations.txt</c> or <c>*.safeprivacy.txt</c>: one
/// documentation-comment ID per line, then its classification.
/// <code>
/// # Identity's user: contact details
/// P:Microsoft.AspNetCore.Identity.IdentityUser`1.Email          PersonalData(Contact)
/// M:Vendor.Moderation.Client.ScoreSelfHarm                       SpecialCategoryData(Health, Inferred)
/// T:Vendor.Models.Customer                                       PersonalData
/// P:Vendor.Models.Ticket.Body                                    UserGeneratedContent
/// P:Vendor.Models.Tenant.SupportEmail                            NotPersonalData
/// </code>
/// A method ID without a parameter list annotates the return value of every overload.
/// </summary>
internal sealed class ExternalAnnotations
{
    public static readonly ExternalAnnotations Empty = new(ImmutableDictionary<ISymbol, MemberClass>.Empty.WithComparers(SymbolEqualityComparer.Default), ImmutableArray<AnnotationProblem>.Empty);

    private static readonly char[] Whitespace = { ' ', '\t' };

    private readonly ImmutableDictionary<ISymbol, MemberClass> _symbols;

    private ExternalAnnotations(ImmutableDictionary<ISymbol, MemberClass> symbols, ImmutableArray<AnnotationProblem> problems)
    {
        _symbols = symbols;
        Problems = problems;
        Assemblies = symbols.Keys.Select(s => s.ContainingAssembly).OfType<IAssemblySymbol>().Distinct<IAssemblySymbol>(SymbolEqualityComparer.Default).ToImmutableArray();
    }

    /// <summary>The assemblies whose symbols the annotations name: they carry annotations even without referencing SafePrivacy.</summary>
    public ImmutableArray<IAssemblySymbol> Assemblies { get; }

    /// <summary>Lines that could not be understood or resolved (SP9003), in file and line order.</summary>
    public ImmutableArray<AnnotationProblem> Problems { get; }

    public bool IsEmpty => _symbols.IsEmpty;

    /// <summary>Every symbol the annotations classify.</summary>
    public IEnumerable<ISymbol> Symbols => _symbols.Keys;

    public static bool IsAnnotationFile(string path)
    {
        var name = Path.GetFileName(path);
        return string.Equals(name, "SafePrivacy.Annotations.txt", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".safeprivacy.txt", StringComparison.OrdinalIgnoreCase);
    }

    public static ExternalAnnotations Load(Compilation compilation, ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        var builder = ImmutableDictionary.CreateBuilder<ISymbol, MemberClass>(SymbolEqualityComparer.Default);
        var problems = ImmutableArray.CreateBuilder<AnnotationProblem>();
        foreach (var file in files.Where(f => IsAnnotationFile(f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                continue;
            }

            foreach (var line in text.Lines)
            {
                var raw = line.ToString();
                var comment = raw.IndexOf('#');
                var content = (comment >= 0 ? raw.Substring(0, comment) : raw).Trim();
                if (content.Length == 0)
                {
                    continue;
                }

                // The squiggle covers what is wrong: the whole entry, or just the ID that resolves to nothing.
                var start = line.Start + raw.IndexOf(content, StringComparison.Ordinal);
                AnnotationProblem Problem(string entry, string reason)
                {
                    var span = new TextSpan(start, entry.Length);
                    return new(file.Path, span, text.Lines.GetLinePositionSpan(span), entry, reason);
                }

                var split = content.IndexOfAny(Whitespace);
                if (split < 0 || !TryParseClass(content.Substring(split).Trim(), out var memberClass))
                {
                    problems.Add(Problem(content, "it is not a documentation-comment ID followed by a classification such as PersonalData(Contact)"));
                    continue;
                }

                var id = content.Substring(0, split);
                var symbols = Resolve(id, compilation);
                if (symbols.IsEmpty)
                {
                    problems.Add(Problem(id, "it names no symbol this compilation can see; check the namespace, type and member names"));
                }

                foreach (var symbol in symbols)
                {
                    builder[symbol.OriginalDefinition] = memberClass;
                }
            }
        }

        return builder.Count == 0 && problems.Count == 0 ? Empty : new ExternalAnnotations(builder.ToImmutable(), problems.ToImmutable());
    }

    public MemberClass? Find(ISymbol symbol) =>
        !_symbols.IsEmpty && _symbols.TryGetValue(symbol.OriginalDefinition, out var found) ? found : null;

    private static ImmutableArray<ISymbol> Resolve(string id, Compilation compilation)
    {
        var symbols = DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation);
        if (!symbols.IsDefaultOrEmpty || !id.StartsWith("M:", StringComparison.Ordinal) || id.IndexOf('(') >= 0)
        {
            return symbols.IsDefault ? ImmutableArray<ISymbol>.Empty : symbols;
        }

        // "M:Type.Method" without parameters: every overload.
        var dot = id.LastIndexOf('.');
        if (dot <= 2)
        {
            return ImmutableArray<ISymbol>.Empty;
        }

        var types = DocumentationCommentId.GetSymbolsForDeclarationId("T:" + id.Substring(2, dot - 2), compilation);
        var name = id.Substring(dot + 1);
        return types.IsDefault
            ? ImmutableArray<ISymbol>.Empty
            : types.OfType<INamedTypeSymbol>().SelectMany(t => t.GetMembers(name)).OfType<IMethodSymbol>().Cast<ISymbol>().ToImmutableArray();
    }

    // PersonalData, PersonalData(Contact), SpecialCategoryData(Health, Inferred), CriminalOffenceData,
    // UserGeneratedContent, NotPersonalData.
    private static bool TryParseClass(string text, out MemberClass memberClass)
    {
        memberClass = default;
        var open = text.IndexOf('(');
        var name = (open < 0 ? text : text.Substring(0, open)).Trim();
        var arguments = open < 0 ? Array.Empty<string>() : text.Substring(open + 1).TrimEnd(')', ' ').Split(',').Select(a => a.Trim()).Where(a => a.Length > 0).ToArray();
        if (open >= 0 && !text.TrimEnd().EndsWith(")", StringComparison.Ordinal))
        {
            return false;
        }

        switch (name)
        {
            case "PersonalData" when arguments.Length <= 1:
                if (!TryEnum<DataCategoryKind>(arguments, 0, out var category))
                {
                    return false;
                }

                memberClass = new MemberClass(new DataClass(DataKinds.Personal, (int)category));
                return true;
            case "SpecialCategoryData" when arguments.Length <= 2:
                if (!TryEnum<SpecialCategoryKind>(arguments, 0, out var special) || !TryEnum<DataOriginKind>(arguments, 1, out var origin))
                {
                    return false;
                }

                memberClass = new MemberClass(new DataClass(DataKinds.SpecialCategory, specialCategory: (int)special, inferred: origin == DataOriginKind.Inferred));
                return true;
            case "CriminalOffenceData" when arguments.Length == 0:
                memberClass = new MemberClass(new DataClass(DataKinds.CriminalOffence));
                return true;
            case "UserGeneratedContent" when arguments.Length == 0:
                memberClass = new MemberClass(new DataClass(DataKinds.UserGeneratedContent));
                return true;
            case "NotPersonalData":
                memberClass = MemberClass.Silenced;
                return true;
            default:
                return false;
        }
    }

    private static bool TryEnum<T>(string[] arguments, int index, out T value)
        where T : struct
    {
        value = default;
        return index >= arguments.Length
            || (Enum.TryParse(arguments[index], ignoreCase: false, out value) && Enum.IsDefined(typeof(T), value) && !char.IsDigit(arguments[index][0]));
    }
}

/// <summary>A line of an external annotations file that annotates nothing, and why.</summary>
internal sealed class AnnotationProblem
{
    public AnnotationProblem(string path, TextSpan span, LinePositionSpan lines, string entry, string reason)
    {
        Path = path;
        Span = span;
        Lines = lines;
        Entry = entry;
        Reason = reason;
    }

    public string Path { get; }

    public TextSpan Span { get; }

    public LinePositionSpan Lines { get; }

    /// <summary>The line's text, or the ID that resolved to nothing.</summary>
    public string Entry { get; }

    /// <summary>Why the line annotates nothing, and what to check.</summary>
    public string Reason { get; }

    public Location Location => Microsoft.CodeAnalysis.Location.Create(Path, Span, Lines);
}
