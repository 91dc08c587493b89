using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// What each field of a type in source may hold, from every assignment to it in the type's own bodies: a field
/// written with personal data in one method (<c>_last = user.Email</c>) holds it when another method reads it.
/// Each assigning body is walked once per type with its callees unseen, and those walks read no field values of
/// their own, so nothing here waits on itself.
/// </summary>
internal sealed class FieldValues
{
    private readonly PrivacyModel _model;
    private readonly SharedWork<INamedTypeSymbol, Dictionary<IFieldSymbol, Taints>> _byType = new(SymbolEqualityComparer.Default);

    public FieldValues(PrivacyModel model) => _model = model;

    /// <summary>What <paramref name="field"/> may hold when a body of its type (or any body, for a static one) reads it.</summary>
    public Taints Of(IFieldSymbol field, CancellationToken cancellationToken)
    {
        if (field.IsConst
            || field.ContainingType is not { } type
            || !ReferenceEquals(type.ContainingAssembly, _model.Compilation.Assembly)
            || (_model.Index is { } index && !index.MayHoldData(field)))
        {
            return Taints.None;
        }

        // Computed once per type, however many bodies ask at once: a large type's assigning bodies are many walks.
        var values = _byType.Get(type.OriginalDefinition, Compute, cancellationToken);
        return values.TryGetValue(field.OriginalDefinition, out var value) ? value : Taints.None;
    }

    private Dictionary<IFieldSymbol, Taints> Compute(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        // Only the fields that may hold data are ever asked for (Of): bodies that assign none of them are not walked.
        var index = _model.Index;
        var fieldNames = new HashSet<string>(
            type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsConst && !f.IsImplicitlyDeclared && (index is null || index.MayHoldData(f))).Select(f => f.Name),
            System.StringComparer.Ordinal);
        var values = new Dictionary<IFieldSymbol, Taints>(SymbolEqualityComparer.Default);
        if (fieldNames.Count == 0)
        {
            return values;
        }

        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!AssignsAny(method, fieldNames, cancellationToken) || _model.Bodies.BodyOf(method, cancellationToken) is not { } body)
            {
                continue;
            }

            var walker = new FlowWalker(_model, method, summaryOf: null, calleeLevel: -1, _model.ConfiguredSinksFor(body.Syntax.SyntaxTree), cancellationToken, recordsFieldWrites: true);
            walker.Run(new[] { body });
            foreach (var pair in walker.FieldWrites!)
            {
                values[pair.Key] = (values.TryGetValue(pair.Key, out var before) ? before : Taints.None).Union(pair.Value);
            }
        }

        return values;
    }

    // Whether the method's syntax assigns a name among the type's fields: `_last = …`, `this._last = …`, `_count += …`.
    private static bool AssignsAny(IMethodSymbol method, HashSet<string> fieldNames, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            foreach (var assignment in reference.GetSyntax(cancellationToken).DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                var name = assignment.Left switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    _ => null,
                };
                if (name is not null && fieldNames.Contains(name))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
