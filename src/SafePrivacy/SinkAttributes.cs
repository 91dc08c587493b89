using System;

namespace SafePrivacy;

/// <summary>
/// Marks a project's own logging wrapper, or one parameter of it, as a log sink. On a method every parameter
/// is a sink; on a parameter only that one is.
/// </summary>
/// <remarks>Read by SP2001 and SP2002 like the logging APIs they know.</remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Parameter, Inherited = true, AllowMultiple = false)]
public sealed class LogSinkAttribute : Attribute
{
}

/// <summary>
/// Marks a project's own storage method, or one parameter of it, as a storage sink. On a method every parameter
/// is a sink; on a parameter only that one is.
/// </summary>
/// <remarks>Read by SP3001 and SP3002 like the storage APIs they know.</remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Parameter, Inherited = true, AllowMultiple = false)]
public sealed class StorageSinkAttribute : Attribute
{
}

/// <summary>
/// Marks a method, or one parameter of it, that sends data to another party. On a method every parameter is a
/// sink; on a parameter only that one is.
/// </summary>
/// <remarks>Read by SP4001: personal data sent this way needs a <see cref="RecipientAttribute"/> in scope.</remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Parameter, Inherited = true, AllowMultiple = false)]
public sealed class ExternalTransferAttribute : Attribute
{
}
