using System.Collections.Immutable;

namespace SafePrivacy.Analyzers.Switches;

/// <summary>How a switch's value is read to decide whether it is on.</summary>
internal enum SwitchValue
{
    /// <summary>A bool: on unless <c>false</c> or a development check.</summary>
    Boolean,

    /// <summary>A flags enum: on when it holds one of the switch's fields.</summary>
    Flags,

    /// <summary>An enum: on unless it is the switch's off field.</summary>
    Enum,
}

/// <summary>
/// One framework switch that makes a framework log or ship personal data wholesale, by metadata name: a property
/// that is set, or a method, constructor or extension method whose parameter carries the value. Data, not code:
/// <see cref="PrivacySwitchResolver"/> resolves each once per compilation.
/// </summary>
/// <param name="TypeName">The metadata name of the declaring type.</param>
/// <param name="Member">The property, the method, or <c>.ctor</c>.</param>
/// <param name="Parameter">For a method or constructor, the parameter that carries the value; null for a property.</param>
/// <param name="Value">How the value is judged.</param>
/// <param name="Display">How messages name the switch.</param>
/// <param name="Exposes">What it makes the framework do; for flags, with <c>{0}</c> where the fields' exposures go.</param>
/// <param name="Fix">How to fix, the end of the message.</param>
/// <param name="EnumType">For flags and enums, the metadata name of the enum.</param>
/// <param name="Fields">For flags, each field that exposes data and what it exposes; for an enum, its one off field.</param>
internal sealed record PrivacySwitch(
    string TypeName,
    string Member,
    string? Parameter,
    SwitchValue Value,
    string Display,
    string Exposes,
    string Fix,
    string? EnumType = null,
    ImmutableArray<(string Field, string Exposes)> Fields = default);
