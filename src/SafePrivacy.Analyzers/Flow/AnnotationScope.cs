using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// Which assemblies can carry data annotations: the compilation's own, those that define a recognised attribute
/// (SafePrivacy's, Identity's <c>[PersonalData]</c>, a Compliance classification), those that reference one of
/// them, and those the external annotations name. Every other assembly — the framework, EF Core, a logging
/// library — cannot annotate anything, so the classifier never reads its attributes or walks its types' members.
/// Decided once per assembly.
/// </summary>
internal sealed class AnnotationScope
{
    /// <summary>Every assembly may annotate: for callers without a compilation (code fixes).</summary>
    public static readonly AnnotationScope Everything = new(null, ImmutableHashSet<IAssemblySymbol>.Empty, complianceInReach: true);

    private readonly IAssemblySymbol? _own;
    private readonly ImmutableHashSet<IAssemblySymbol> _declaring;
    private readonly ConcurrentDictionary<IAssemblySymbol, bool> _answers = new(SymbolEqualityComparer.Default);

    private AnnotationScope(IAssemblySymbol? own, ImmutableHashSet<IAssemblySymbol> declaring, bool complianceInReach)
    {
        _own = own;
        _declaring = declaring;
        ComplianceInReach = complianceInReach;
    }

    /// <summary>
    /// Whether anything can declare personal data here at all: SafePrivacy's attributes, Identity's, a Compliance
    /// classification or external annotations. Without any, SafePrivacy has nothing to do in the compilation.
    /// </summary>
    public bool CanDeclare => _own is null || !_declaring.IsEmpty;

    /// <summary>Whether <c>Microsoft.Extensions.Compliance</c> classifications can be applied (any subclass may be personal data).</summary>
    public bool ComplianceInReach { get; }

    public static AnnotationScope For(Compilation compilation, ExternalAnnotations external)
    {
        var declaring = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
        foreach (var name in AttributeNames.All)
        {
            AddDefiners(compilation, AttributeNames.Namespace + "." + name, declaring);
        }

        AddDefiners(compilation, DataClassifier.IdentityPersonalData, declaring);
        var complianceInReach = AddDefiners(compilation, DataClassifier.ComplianceClassification, declaring);
        declaring.UnionWith(external.Assemblies);
        return new AnnotationScope(compilation.Assembly, declaring.ToImmutableHashSet<IAssemblySymbol>(SymbolEqualityComparer.Default), complianceInReach);
    }

    /// <summary>Whether <paramref name="symbol"/>'s assembly can carry data annotations.</summary>
    public bool MayAnnotate(ISymbol symbol)
    {
        if (_own is null)
        {
            return true;
        }

        var assembly = symbol as IAssemblySymbol ?? symbol.OriginalDefinition.ContainingAssembly;
        if (assembly is null || SymbolEqualityComparer.Default.Equals(assembly, _own))
        {
            return true;
        }

        return MayAnnotate(assembly);
    }

    /// <summary>
    /// Whether the compilation references a library of its own that may carry data annotations: one built against
    /// an assembly that defines them. The assemblies defining them and the framework's own (ASP.NET Core Identity's
    /// stores reference its <c>[PersonalData]</c> in every web project) do not count: Identity's data is reached
    /// through its user types, which the project's own code names.
    /// </summary>
    public bool AnnotatedLibraryReferenced(Compilation compilation) =>
        _own is null || compilation.SourceModule.ReferencedAssemblySymbols.Any(a => !_declaring.Contains(a) && !IsFramework(a) && MayAnnotate(a));

    /// <summary>The framework's own assemblies (Microsoft.*, System.*): they define annotations, they do not apply them to data of yours.</summary>
    public static bool IsFramework(IAssemblySymbol assembly) =>
        assembly.Name.StartsWith("Microsoft.", System.StringComparison.Ordinal) || assembly.Name.StartsWith("System.", System.StringComparison.Ordinal);

    private bool MayAnnotate(IAssemblySymbol assembly) => _answers.GetOrAdd(assembly, a =>
        _declaring.Contains(a) || a.Modules.SelectMany(m => m.ReferencedAssemblySymbols).Any(_declaring.Contains));

    // Adds the assemblies defining the type; whether there is any.
    private static bool AddDefiners(Compilation compilation, string metadataName, HashSet<IAssemblySymbol> declaring)
    {
        var types = compilation.GetTypesByMetadataName(metadataName);
        foreach (var type in types)
        {
            declaring.Add(type.ContainingAssembly);
        }

        return !types.IsEmpty;
    }
}
