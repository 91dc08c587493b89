using System;

namespace SafePrivacy.Cli;

/// <summary>
/// A problem the user can fix — a missing path, an unknown option, a project that does not load. Its message is one
/// plain sentence (or a sentence and the tool output behind it) shown as is, and the tool exits with 2.
/// </summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UsageException()
    {
    }
}
