using System;

namespace SafePrivacy;

/// <summary>Marks a method whose return value carries no personal data: a sanitiser or masker.</summary>
/// <remarks>
/// Every flow rule (SP2001–SP2004, SP3001–SP3003, SP4001–SP4002, SP1002, SP1003) stops following personal data at a
/// call to a method marked this way, as it does at <see cref="Redact.Value{T}(T)"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class RedactsAttribute : Attribute
{
}
