using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using SafePrivacy.Analyzers;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Flow;
using SafePrivacy.Analyzers.Rules;

namespace SafePrivacy.CodeFixes.Rules;

/// <summary>
/// SP2001–SP2004: uses the type's identifier instead of the personal data — <c>user.Id</c> for <c>user.Email</c>,
/// or for the whole <c>user</c> — when the type has a non-personal <c>Id</c> or <c>&lt;Type&gt;Id</c> member.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseIdentifierCodeFixProvider)), Shared]
public sealed class UseIdentifierCodeFixProvider : DocumentCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        RuleIds.PersonalDataLogged, RuleIds.ContentLoggedInModeration, RuleIds.PersonalDataInException, RuleIds.PersonalDataInTelemetry);

    protected override string EquivalenceKey => "SafePrivacy.UseIdentifier";

    protected override string? Title(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken) =>
        Replacements(diagnostic, root, model, cancellationToken).FirstOrDefault() is { } first
            ? $"Use the identifier '{first.Owner.Name}.{first.Identifier.Name}' instead"
            : null;

    protected override void Fix(DocumentEditor editor, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        foreach (var replacement in diagnostics.SelectMany(d => Replacements(d, editor.OriginalRoot, editor.SemanticModel, cancellationToken)).GroupBy(r => r.Target).Select(g => g.First()))
        {
            editor.ReplaceNode(replacement.Target, (node, _) => SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    replacement.Receiver.WithoutTrivia(),
                    SyntaxFactory.IdentifierName(replacement.Identifier.Name))
                .WithTriviaFrom(node));
        }
    }

    private static IEnumerable<Replacement> Replacements(Diagnostic diagnostic, SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var location in diagnostic.AdditionalLocations.Count > 0 ? diagnostic.AdditionalLocations : new[] { diagnostic.Location })
        {
            if (root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax target
                || target.Parent is ArgumentSyntax { RefKindKeyword.RawKind: not 0 })
            {
                continue;
            }

            // user.Email → user.Id: the receiver's identifier. user → user.Id: the value's own identifier.
            var (receiver, type) = target is MemberAccessExpressionSyntax access
                ? (access.Expression, model.GetTypeInfo(access.Expression, cancellationToken).Type)
                : (target, model.GetTypeInfo(target, cancellationToken).Type);
            if (type is INamedTypeSymbol owner && Identifier(owner) is { } identifier && !IsIdentifierAlready(target, identifier, model, cancellationToken)
                && Fits(target, identifier.Type, model, cancellationToken))
            {
                yield return new Replacement(target, receiver, owner, identifier);
            }
        }
    }

    // The identifier must fit where the data was: a hole, an object, or the same type.
    private static bool Fits(ExpressionSyntax target, ITypeSymbol identifierType, SemanticModel model, CancellationToken cancellationToken)
    {
        var converted = model.GetTypeInfo(target, cancellationToken).ConvertedType;
        return target.Parent is InterpolationSyntax
            || converted is null
            || converted.SpecialType == SpecialType.System_Object
            || converted.TypeKind == TypeKind.Dynamic
            || SymbolEqualityComparer.Default.Equals(converted, identifierType);
    }

    private static bool IsIdentifierAlready(ExpressionSyntax target, IPropertySymbol identifier, SemanticModel model, CancellationToken cancellationToken) =>
        SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(target, cancellationToken).Symbol, identifier);

    // Id or <Type>Id, public, readable, a key type, and not itself declared personal data.
    private static IPropertySymbol? Identifier(INamedTypeSymbol type)
    {
        foreach (var name in new[] { "Id", type.Name + "Id" })
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                var property = current.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault(p =>
                    p.DeclaredAccessibility == Accessibility.Public && !p.IsStatic && p.GetMethod is not null && IsKeyType(p.Type)
                    && !DataClassifier.FromAttributes(p.GetAttributes()).IsPersonal);
                if (property is not null)
                {
                    return property;
                }
            }
        }

        return null;
    }

    private static bool IsKeyType(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_String
        || MetadataNames.Is(type, "System.Guid");

    private sealed record Replacement(ExpressionSyntax Target, ExpressionSyntax Receiver, INamedTypeSymbol Owner, IPropertySymbol Identifier);
}
