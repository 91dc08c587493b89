using System;
using System.Runtime.CompilerServices;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// Whether the thread has stack left for another level of a recursive walk. A stack overflow cannot be caught: it
/// ends the compiler or IDE process. Every recursion over the user's code also has a depth bound; this catches
/// what the bounds together still allow on a small thread stack.
/// </summary>
internal static class StackGuard
{
    public static bool HasRoom()
    {
        try
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            return true;
        }
        catch (InsufficientExecutionStackException)
        {
            return false;
        }
    }
}
