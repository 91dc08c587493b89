using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafePrivacy.CodeFixes;

/// <summary>Attribute arguments.</summary>
internal static class SyntaxFactoryArguments
{
    public static AttributeArgumentSyntax Positional(ExpressionSyntax value) => SyntaxFactory.AttributeArgument(value);
}
