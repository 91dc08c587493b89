using Microsoft.CodeAnalysis;

namespace SafePrivacy.Analyzers.Declarations;

/// <summary>How symbols are named in diagnostic messages: short, but enough to find them.</summary>
internal static class SymbolNames
{
    private static readonly SymbolDisplayFormat MemberFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType);

    /// <summary>'Post.Body', 'AutoModerator.Handle', 'Outer.Inner', 'Outer.Inner constructor', 'Program (top-level statements)', or 'the assembly'.</summary>
    public static string ForMessage(ISymbol symbol) => symbol switch
    {
        IAssemblySymbol => "the assembly",
        // The compiler's name for it, "<top-level-statements-entry-point>", is nothing a reader wrote.
        IMethodSymbol { Name: WellKnownMemberNames.TopLevelStatementsEntryPointMethodName } entryPoint =>
            entryPoint.ContainingType.ToDisplayString(MemberFormat) + " (top-level statements)",
        IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor =>
            constructor.ContainingType.ToDisplayString(MemberFormat) + " constructor",
        _ => symbol.ToDisplayString(MemberFormat),
    };
}
