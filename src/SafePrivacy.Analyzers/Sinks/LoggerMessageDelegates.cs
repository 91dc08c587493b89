using Microsoft.CodeAnalysis;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Sinks;

/// <summary>
/// The delegates <c>LoggerMessage</c> makes: invoking one logs its values, wherever the delegate is kept.
/// </summary>
internal static class LoggerMessageDelegates
{
    private const string Logger = "Microsoft.Extensions.Logging.ILogger";

    /// <summary><c>Action&lt;ILogger, T1, …, Exception?&gt;</c>: what <c>LoggerMessage.Define</c> returns.</summary>
    public static bool IsMessage(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, IsGenericType: true } action
        && action.TypeArguments.Length >= 2
        && MetadataNames.Is(action.TypeArguments[0], Logger)
        && MetadataNames.Is(action.TypeArguments[action.TypeArguments.Length - 1], "System.Exception");

    /// <summary><c>Func&lt;ILogger, T1, …, IDisposable?&gt;</c>: what <c>LoggerMessage.DefineScope</c> returns.</summary>
    public static bool IsScope(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, IsGenericType: true } func
        && func.TypeArguments.Length >= 3
        && MetadataNames.Is(func.TypeArguments[0], Logger)
        && MetadataNames.Is(func.TypeArguments[func.TypeArguments.Length - 1], "System.IDisposable");
}
