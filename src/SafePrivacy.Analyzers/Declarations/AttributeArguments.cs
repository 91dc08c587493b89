using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SafePrivacy.Analyzers.Declarations;

/// <summary>Reads an attribute's arguments and finds where each was written, so diagnostics point at the argument at fault.</summary>
internal static class AttributeArguments
{
    /// <summary>The value of a named argument (a property set in the attribute), or null when it was not set.</summary>
    public static TypedConstant? Named(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>The string value of a named argument, or null when it was not set or is not a string.</summary>
    public static string? NamedString(AttributeData attribute, string name) =>
        Named(attribute, name) is { Kind: TypedConstantKind.Primitive, Value: string text } ? text : null;

    /// <summary>The constructor argument at <paramref name="position"/>, or null when the attribute does not bind.</summary>
    public static TypedConstant? Positional(AttributeData attribute, int position) =>
        attribute.AttributeConstructor is not null && position < attribute.ConstructorArguments.Length
            ? attribute.ConstructorArguments[position]
            : null;

    /// <summary>Where the whole attribute was written.</summary>
    public static Location AttributeLocation(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? Location.None;

    /// <summary>Where the named argument was written, or the attribute when it was not.</summary>
    public static Location NamedLocation(AttributeData attribute, string name, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList: { } arguments } syntax)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument.Expression.GetLocation();
                }
            }

            return syntax.GetLocation();
        }

        return AttributeLocation(attribute, cancellationToken);
    }

    /// <summary>Where the constructor argument at <paramref name="position"/> was written, or the attribute when it was not.</summary>
    public static Location PositionalLocation(AttributeData attribute, int position, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList: { } arguments } syntax)
        {
            return AttributeLocation(attribute, cancellationToken);
        }

        var parameters = attribute.AttributeConstructor?.Parameters;
        var parameterName = parameters is { } list && position < list.Length ? list[position].Name : null;
        var index = 0;
        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameEquals is not null)
            {
                continue;
            }

            if (argument.NameColon is { } nameColon)
            {
                if (nameColon.Name.Identifier.ValueText == parameterName)
                {
                    return argument.Expression.GetLocation();
                }
            }
            else if (index == position)
            {
                return argument.Expression.GetLocation();
            }

            index++;
        }

        return syntax.GetLocation();
    }
}
