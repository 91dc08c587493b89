using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SafePrivacy.Analyzers.Declarations;

/// <summary>
/// An ISO 8601 duration in designator form: <c>PnYnMnWnDTnHnMnS</c>. Weeks may stand alone (<c>P2W</c>) or, as
/// ISO 8601-2 allows, with other date parts. Only the last component may carry a fraction (<c>PT1.5H</c>).
/// Negative durations and the alternative <c>PYYYY-MM-DD</c> form are rejected: a retention period is a span
/// a reviewer must be able to read.
/// </summary>
internal sealed class IsoDuration
{
    private static readonly char[] DateDesignators = { 'Y', 'M', 'W', 'D' };
    private static readonly char[] TimeDesignators = { 'H', 'M', 'S' };
    private static readonly string[] DateUnits = { "year", "month", "week", "day" };
    private static readonly string[] TimeUnits = { "hour", "minute", "second" };

    private readonly List<(decimal Amount, string Unit)> _components;

    private IsoDuration(string text, List<(decimal Amount, string Unit)> components)
    {
        Text = text;
        _components = components;
    }

    /// <summary>The duration as written.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>, or says in a few words why it is not a duration.</summary>
    public static bool TryParse(string? text, out IsoDuration? duration, out string problem)
    {
        duration = null;
        problem = Validate(text, out var components);
        if (problem.Length > 0)
        {
            return false;
        }

        duration = new IsoDuration(text!, components);
        return true;
    }

    /// <summary>The duration in words: "1 year 6 months", "90 days", "12 hours".</summary>
    public string Describe()
    {
        var words = new StringBuilder();
        foreach (var (amount, unit) in _components)
        {
            if (words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(unit);
            if (amount != 1)
            {
                words.Append('s');
            }
        }

        return words.ToString();
    }

    public override string ToString() => Text;

    private static string Validate(string? text, out List<(decimal Amount, string Unit)> components)
    {
        components = new List<(decimal, string)>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return "it is empty";
        }

        var value = text!;
        if (value[0] is '-' or '+' || (value.Length > 1 && value[0] == 'P' && value[1] is '-' or '+'))
        {
            return "a negative or signed duration is not allowed";
        }

        if (value.ToUpperInvariant() is "INDEFINITE" or "FOREVER" or "NEVER")
        {
            return "for no limit use Retention.Indefinite with a Justification";
        }

        if (value[0] != 'P')
        {
            return value[0] == 'p' ? "designators are upper case" : "it must start with 'P'";
        }

        var position = 1;
        var inTime = false;
        var designatorIndex = 0;
        var fractionSeen = false;
        var timeComponents = 0;
        while (position < value.Length)
        {
            if (value[position] == 'T')
            {
                if (inTime)
                {
                    return "'T' appears twice";
                }

                inTime = true;
                designatorIndex = 0;
                position++;
                if (position == value.Length)
                {
                    return "'T' must be followed by hours, minutes or seconds";
                }

                continue;
            }

            if (fractionSeen)
            {
                return "only the last component may have a fraction";
            }

            var start = position;
            while (position < value.Length && char.IsDigit(value[position]))
            {
                position++;
            }

            if (position < value.Length && value[position] is '.' or ',')
            {
                fractionSeen = true;
                position++;
                var fractionStart = position;
                while (position < value.Length && char.IsDigit(value[position]))
                {
                    position++;
                }

                if (position == fractionStart)
                {
                    return "a decimal point must be followed by digits";
                }
            }

            if (position == start)
            {
                return char.IsLetter(value[position])
                    ? $"'{value[position]}' has no number before it"
                    : $"unexpected '{value[position]}'";
            }

            if (position == value.Length)
            {
                return $"the number '{value.Substring(start)}' has no designator after it";
            }

            var designator = value[position];
            if (designator is '-' or ':')
            {
                return "the PYYYY-MM-DDThh:mm:ss form is not supported; use designators such as P1Y2M";
            }

            if (char.IsLower(designator))
            {
                return "designators are upper case";
            }

            var designators = inTime ? TimeDesignators : DateDesignators;
            var index = System.Array.IndexOf(designators, designator, designatorIndex);
            if (index < 0)
            {
                return System.Array.IndexOf(designators, designator) >= 0
                    ? $"designators must appear in the order {(inTime ? "H, M, S" : "Y, M, W, D")}"
                    : inTime
                        ? $"'{designator}' is not a time designator (H, M or S)"
                        : $"'{designator}' is not a date designator (Y, M, W or D; time parts follow 'T')";
            }

            var number = value.Substring(start, position - start).Replace(',', '.');
            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return $"the number '{number}' is too large";
            }

            components.Add((amount, inTime ? TimeUnits[index] : DateUnits[index]));
            if (inTime)
            {
                timeComponents++;
            }

            designatorIndex = index + 1;
            position++;
        }

        if (components.Count == 0)
        {
            return "it has no components";
        }

        return inTime && timeComponents == 0 ? "'T' must be followed by hours, minutes or seconds" : string.Empty;
    }
}
