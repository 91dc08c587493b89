using System;

namespace SafePrivacy;

/// <summary>
/// Marks a method whose return value is a pseudonymous identifier (UK GDPR Art 4(5)): still personal data,
/// of category <see cref="DataCategory.OnlineIdentifier"/>, but no longer content, special category or criminal
/// offence data.
/// </summary>
/// <remarks>
/// The flow rules follow the result as pseudonymous personal data, so SP2002 no longer applies to it while
/// SP2001 still asks for a lawful basis.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class PseudonymisesAttribute : Attribute
{
}
