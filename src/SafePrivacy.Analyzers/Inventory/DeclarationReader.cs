using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Inventory;

/// <summary>Reads SafePrivacy's declaration attributes into the inventory's public shapes.</summary>
internal static class DeclarationReader
{
    public static LawfulBasisDeclaration Basis(ScopedAttribute scoped) => new(
        EnumArgument(scoped.Attribute, position: 0),
        AttributeArguments.NamedString(scoped.Attribute, "Purpose"),
        AttributeArguments.NamedString(scoped.Attribute, "Reference"),
        ScopeName(scoped.DeclaredOn));

    public static ConditionDeclaration SpecialCategoryCondition(ScopedAttribute scoped) => new(
        EnumArgument(scoped.Attribute, position: 0),
        NamedEnum(scoped.Attribute, "Schedule1", omitDefault: true),
        AttributeArguments.NamedString(scoped.Attribute, "PolicyDocument"),
        ScopeName(scoped.DeclaredOn));

    public static ConditionDeclaration CriminalOffenceCondition(ScopedAttribute scoped) => new(
        EnumArgument(scoped.Attribute, position: 0),
        schedule1: null,
        AttributeArguments.NamedString(scoped.Attribute, "PolicyDocument"),
        ScopeName(scoped.DeclaredOn));

    public static RetentionDeclaration Retention(ScopedAttribute scoped)
    {
        var period = AttributeArguments.Positional(scoped.Attribute, 0)?.Value as string ?? string.Empty;
        var justification = AttributeArguments.NamedString(scoped.Attribute, "Justification");
        var indefinite = string.Equals(period, "Indefinite", StringComparison.Ordinal);
        var valid = indefinite ? !DeclaredText.IsMissing(justification) : IsoDuration.TryParse(period, out _, out _);
        return new RetentionDeclaration(
            period,
            indefinite,
            valid,
            NamedEnum(scoped.Attribute, "From", omitDefault: false) ?? string.Empty,
            NamedEnum(scoped.Attribute, "Then", omitDefault: false) ?? string.Empty,
            AttributeArguments.NamedString(scoped.Attribute, "Reference"),
            justification,
            ScopeName(scoped.DeclaredOn));
    }

    /// <summary>
    /// The recipients in scope of <paramref name="symbol"/>: every <c>[Recipient]</c> on the nearest scope that has
    /// any (the attribute allows several), the same nearest-wins rule SP4001 applies.
    /// </summary>
    public static IEnumerable<RecipientDeclaration> RecipientsInScope(ISymbol symbol)
    {
        foreach (var scope in DeclarationScope.Outward(symbol))
        {
            var found = scope.GetAttributes().Where(a => AttributeNames.Is(a.AttributeClass, AttributeNames.Recipient)).ToList();
            if (found.Count > 0)
            {
                return found.Select(a => Recipient(a, scope)).ToList();
            }
        }

        return Enumerable.Empty<RecipientDeclaration>();
    }

    private static RecipientDeclaration Recipient(AttributeData attribute, ISymbol scope) => new(
        AttributeArguments.Positional(attribute, 0)?.Value as string ?? string.Empty,
        NamedEnum(attribute, "Kind", omitDefault: false) ?? string.Empty,
        AttributeArguments.NamedString(attribute, "Reference"),
        ScopeName(scope));

    /// <summary>
    /// How the inventory names a scope: 'AutoModerator', 'ReportStore.FileAsync', 'top-level statements', or the
    /// assembly's name.
    /// </summary>
    public static string ScopeName(ISymbol scope) => scope switch
    {
        IAssemblySymbol assembly => assembly.Name,
        IMethodSymbol { Name: WellKnownMemberNames.TopLevelStatementsEntryPointMethodName } => "top-level statements",
        IMethodSymbol { AssociatedSymbol: { } property } => SymbolNames.ForMessage(property),
        _ => SymbolNames.ForMessage(scope),
    };

    /// <summary>The member name of an enum constructor argument ('LegalObligation'), or its number if the enum is unknown.</summary>
    private static string EnumArgument(AttributeData attribute, int position) =>
        AttributeArguments.Positional(attribute, position) is { } argument ? EnumName(argument.Type, argument.Value) ?? string.Empty : string.Empty;

    /// <summary>
    /// The member name of an enum property set in the attribute, or of the property's default (0) when it was not set;
    /// null when the default is asked to be omitted (a Schedule 1 condition of None).
    /// </summary>
    private static string? NamedEnum(AttributeData attribute, string name, bool omitDefault)
    {
        if (AttributeArguments.Named(attribute, name) is { } argument)
        {
            return omitDefault && argument.Value is 0 ? null : EnumName(argument.Type, argument.Value);
        }

        if (omitDefault)
        {
            return null;
        }

        var propertyType = attribute.AttributeClass?.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault()?.Type;
        return EnumName(propertyType, 0);
    }

    // Read from the enum's own metadata, so names stay right whatever version of the attributes a project uses.
    private static string? EnumName(ITypeSymbol? type, object? value)
    {
        if (value is null)
        {
            return null;
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
            {
                if (field.HasConstantValue && Equals(field.ConstantValue, value))
                {
                    return field.Name;
                }
            }
        }

        return Convert.ToString(value, CultureInfo.InvariantCulture);
    }
}
