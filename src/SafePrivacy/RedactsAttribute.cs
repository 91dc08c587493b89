using System;

namespace SafePrivacy;

/// <summary>Marks a method whose return value carries no personal data: a sanitiser or masker.</summary>
/// <remarks>Every flow rule stops following personal data at a call to a method marked this way.</remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class RedactsAttribute : Attribute
{
}
