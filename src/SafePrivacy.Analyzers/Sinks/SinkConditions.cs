using System;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SafePrivacy.Analyzers.Sinks;

/// <summary>When a catalogued call is a sink only with some arguments.</summary>
internal enum SinkCondition
{
    /// <summary>Every call is the sink.</summary>
    Always,

    /// <summary>
    /// SendGrid's <c>CreateSingleEmailToMultipleRecipients(..., showAllRecipients: true)</c>: only then do the people
    /// share one personalisation, each seeing the others; by default each gets a personalisation of their own.
    /// </summary>
    ShowsAllRecipients,

    /// <summary>
    /// A SQL command that may write rows (Dapper): one whose text is not known to be a plain SELECT or DELETE. A
    /// lookup by email passes the email as a parameter without storing it.
    /// </summary>
    WritesRows,
}

/// <summary>Decides <see cref="SinkCondition"/>s from a call's arguments as written.</summary>
internal static class SinkConditions
{
    private static readonly Regex Writes = new(@"\b(INSERT|UPDATE|MERGE|UPSERT|REPLACE|INTO)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex ReadsOrDeletes = new(@"^\s*(\(\s*)*(SELECT|DELETE|WITH)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static bool Hold(SinkCondition condition, IOperation call) => condition switch
    {
        SinkCondition.ShowsAllRecipients => Argument(call, "showAllRecipients")?.ConstantValue is { HasValue: true, Value: true },
        SinkCondition.WritesRows => MayWrite(Sql(call)),
        _ => true,
    };

    // Unknown text (built at run time, a stored procedure's name) may write: only a constant read is not a store.
    private static bool MayWrite(string? sql) => sql is null || !ReadsOrDeletes.IsMatch(sql) || Writes.IsMatch(sql);

    // The command text: Dapper's `sql` argument, or the one a CommandDefinition is created with in place.
    private static string? Sql(IOperation call)
    {
        var value = Argument(call, "sql") ?? Argument(call, "command");
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value is IObjectCreationOperation creation)
        {
            value = Argument(creation, "commandText");
        }

        return value?.ConstantValue is { HasValue: true, Value: string text } ? text : null;
    }

    private static IOperation? Argument(IOperation call, string parameterName)
    {
        var arguments = call switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => default,
        };
        if (arguments.IsDefault)
        {
            return null;
        }

        foreach (var argument in arguments)
        {
            if (string.Equals(argument.Parameter?.Name, parameterName, StringComparison.Ordinal))
            {
                return argument.Value;
            }
        }

        return null;
    }
}
