using System;

namespace SafePrivacy;

/// <summary>
/// Marks a method whose return value is a pseudonymous identifier (UK GDPR Art 4(5)): still personal data,
/// of category <see cref="DataCategory.OnlineIdentifier"/>, but no longer content, special category or criminal
/// offence data.
/// </summary>
/// <remarks>
/// The flow rules follow the result as pseudonymous personal data: SP2002, SP1002 and SP1003 no longer apply to
/// it, while SP2001, SP3001 and SP4001 still ask for a lawful basis and a recipient, as for
/// <see cref="Pseudonymise.Hmac(string, byte[])"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class PseudonymisesAttribute : Attribute
{
}
