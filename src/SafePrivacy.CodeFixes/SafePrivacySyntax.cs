using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace SafePrivacy.CodeFixes;

/// <summary>Builds the SafePrivacy syntax fixes insert: fully qualified, then simplified once the using is in place.</summary>
internal static class SafePrivacySyntax
{
    /// <summary><c>SafePrivacy.Name</c>, marked for simplification to <c>Name</c>.</summary>
    public static NameSyntax Name(string name) =>
        SyntaxFactory.QualifiedName(SyntaxFactory.IdentifierName(Imports.Namespace), SyntaxFactory.IdentifierName(name))
            .WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary><c>SafePrivacy.Type.Member</c> as an expression, marked for simplification.</summary>
    public static ExpressionSyntax Member(string type, string member) =>
        SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(Imports.Namespace), SyntaxFactory.IdentifierName(type)),
                SyntaxFactory.IdentifierName(member))
            .WithAdditionalAnnotations(Simplifier.Annotation);

    public static AttributeArgumentSyntax Named(string name, ExpressionSyntax value) =>
        SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals(name), null, value);

    public static ExpressionSyntax Text(string value) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));

    /// <summary>An attribute list with one attribute, optionally with a target (<c>property:</c>).</summary>
    public static AttributeListSyntax AttributeList(string attribute, string? target, params AttributeArgumentSyntax[] arguments)
    {
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
            SyntaxFactory.Attribute(Name(attribute), arguments.Length == 0 ? null : SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(arguments)))));
        if (target is not null)
        {
            list = list.WithTarget(SyntaxFactory.AttributeTargetSpecifier(TargetToken(target)));
        }

        return list.WithAdditionalAnnotations(Formatter.Annotation);
    }

    // The parser reads `property:`, `field:`, `return:` … as keyword tokens; the same tree a user's typing would give
    // keeps later fixes and the IDE's structure checks working on it. An unknown target stays an identifier.
    private static SyntaxToken TargetToken(string target)
    {
        var keyword = SyntaxFacts.GetKeywordKind(target);
        if (keyword == SyntaxKind.None)
        {
            keyword = SyntaxFacts.GetContextualKeywordKind(target);
        }

        return keyword == SyntaxKind.None ? SyntaxFactory.Identifier(target) : SyntaxFactory.Token(keyword);
    }
}
