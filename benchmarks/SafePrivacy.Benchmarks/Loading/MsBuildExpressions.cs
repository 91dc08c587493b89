using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace SafePrivacy.Benchmarks.Loading;

/// <summary>
/// MSBuild's expression language, as far as project files that describe a compilation use it: <c>$(Property)</c>,
/// string instance methods on it (<c>$(Name.EndsWith('.Tests'))</c>), the static property functions that SDK-style
/// repositories call (<c>[MSBuild]::GetPathOfFileAbove</c>, <c>[System.IO.Path]::Combine</c>, target-framework and
/// version helpers), and conditions (<c>==</c>, <c>!=</c>, ordering, <c>and</c>, <c>or</c>, <c>!</c>,
/// <c>Exists</c>, <c>HasTrailingSlash</c>). Anything else expands to nothing and is reported through
/// <see cref="Unsupported"/>, so the loader can say where its reading may differ from a build's.
/// </summary>
internal sealed class MsBuildExpressions
{
    private readonly Func<string, string> _property;
    private readonly Func<string> _thisFileDirectory;

    public MsBuildExpressions(Func<string, string> property, Func<string> thisFileDirectory)
    {
        _property = property;
        _thisFileDirectory = thisFileDirectory;
    }

    /// <summary>Constructs seen that this reader does not evaluate (each expanded to the empty string).</summary>
    public SortedSet<string> Unsupported { get; } = new(StringComparer.Ordinal);

    /// <summary><paramref name="text"/> with every <c>$(...)</c> expanded; <c>@(...)</c> and <c>%(...)</c> (item lists, metadata) expand to nothing.</summary>
    public string Expand(string text)
    {
        if (text.IndexOf("$(", StringComparison.Ordinal) < 0 && text.IndexOf("@(", StringComparison.Ordinal) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (i + 1 < text.Length && text[i + 1] == '(' && text[i] is '$' or '@' or '%')
            {
                var kind = text[i];
                var start = i + 2;
                var end = Matching(text, i + 1);
                if (end < 0)
                {
                    builder.Append(text, i, text.Length - i);
                    break;
                }

                var inner = text.Substring(start, end - start);
                if (kind == '$')
                {
                    builder.Append(Text(EvaluateProperty(inner)));
                }
                else if (kind == '@')
                {
                    Unsupported.Add("item list @(" + inner + ")");
                }
                else
                {
                    builder.Append(text, i, end + 1 - i);
                }

                i = end + 1;
                continue;
            }

            builder.Append(text[i]);
            i++;
        }

        return builder.ToString();
    }

    /// <summary>Whether an MSBuild condition holds; an empty condition does, one this reader cannot parse does not.</summary>
    public bool Condition(string? condition)
    {
        if (string.IsNullOrWhiteSpace(condition))
        {
            return true;
        }

        try
        {
            var parser = new ConditionParser(condition, this);
            var value = parser.Or();
            parser.End();
            return AsBool(value);
        }
        catch (FormatException)
        {
            Unsupported.Add("condition " + condition.Trim());
            return false;
        }
    }

    /// <summary>The index of the parenthesis closing the one at <paramref name="open"/>, quotes respected; -1 if none.</summary>
    private static int Matching(string text, int open)
    {
        var depth = 0;
        char? quote = null;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }

                continue;
            }

            switch (c)
            {
                case '\'' or '"' or '`':
                    quote = c;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    if (depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        return -1;
    }

    // The body of $(...): a property with instance calls chained on it, or [Type]::Member(...) with the same.
    private object EvaluateProperty(string body)
    {
        var reader = new Reader(body.Trim());
        object value;
        if (reader.Peek == '[')
        {
            reader.Next();
            var type = reader.Until(']');
            reader.Expect(']');
            reader.Expect(':');
            reader.Expect(':');
            var member = reader.Identifier();
            var arguments = reader.Peek == '(' ? Arguments(reader) : new List<string>();
            value = Static(type.Trim(), member, arguments);
        }
        else
        {
            var name = reader.Identifier();
            value = name.Length == 0 ? string.Empty : Property(name);
        }

        while (!reader.AtEnd && reader.Peek == '.')
        {
            reader.Next();
            var member = reader.Identifier();
            var arguments = reader.Peek == '(' ? Arguments(reader) : null;
            value = Instance(value, member, arguments ?? new List<string>(), arguments is not null);
        }

        reader.SkipSpaces();
        if (!reader.AtEnd)
        {
            Unsupported.Add("property expression $(" + body + ")");
        }

        return value;
    }

    private string Property(string name) => name switch
    {
        "MSBuildThisFileDirectory" => _thisFileDirectory(),
        _ => _property(name),
    };

    // Arguments of a call: each a quoted string or a bare expression, expanded.
    private List<string> Arguments(Reader reader)
    {
        reader.Expect('(');
        var arguments = new List<string>();
        reader.SkipSpaces();
        if (reader.Peek == ')')
        {
            reader.Next();
            return arguments;
        }

        while (true)
        {
            reader.SkipSpaces();
            string raw;
            if (reader.Peek is '\'' or '"' or '`')
            {
                var quote = reader.Next();
                raw = reader.Until(quote);
                reader.Expect(quote);
                reader.SkipSpaces();
            }
            else
            {
                raw = reader.UntilArgumentEnd().Trim();
            }

            arguments.Add(Expand(raw));
            if (reader.Peek == ',')
            {
                reader.Next();
                continue;
            }

            reader.Expect(')');
            return arguments;
        }
    }

    private object Static(string type, string member, List<string> a)
    {
        string Arg(int index) => index < a.Count ? a[index] : string.Empty;
        switch (type.ToUpperInvariant(), member.ToUpperInvariant())
        {
            case ("MSBUILD", "GETPATHOFFILEABOVE"):
                return FileAbove(a.Count > 1 && a[1].Length > 0 ? a[1] : _thisFileDirectory(), Arg(0)) is { } found ? found : string.Empty;
            case ("MSBUILD", "GETDIRECTORYNAMEOFFILEABOVE"):
                return FileAbove(Arg(0), Arg(1)) is { } file ? Path.GetDirectoryName(file)! : string.Empty;
            case ("MSBUILD", "NORMALIZEDIRECTORY"):
                return WithSlash(Path.GetFullPath(Combine(a)));
            case ("MSBUILD", "NORMALIZEPATH"):
                return Path.GetFullPath(Combine(a));
            case ("MSBUILD", "ENSURETRAILINGSLASH"):
                return Arg(0).Length == 0 ? string.Empty : WithSlash(Arg(0));
            case ("MSBUILD", "MAKERELATIVE"):
                return Path.GetRelativePath(Arg(0), Arg(1));
            case ("MSBUILD", "ISOSPLATFORM") or ("MSBUILD", "ISOSUNIXLIKE"):
                return member.Equals("IsOSUnixLike", StringComparison.OrdinalIgnoreCase) || Arg(0).Equals(CurrentPlatform, StringComparison.OrdinalIgnoreCase);
            case ("MSBUILD", "GETTARGETFRAMEWORKIDENTIFIER"):
                return TargetFrameworks.Identifier(Arg(0));
            case ("MSBUILD", "GETTARGETFRAMEWORKVERSION"):
                return TargetFrameworks.Version(Arg(0)) is { } v ? (a.Count > 1 ? v.ToString(int.Parse(a[1], CultureInfo.InvariantCulture)) : v.ToString()) : string.Empty;
            case ("MSBUILD", "GETTARGETPLATFORMIDENTIFIER"):
                return TargetFrameworks.Platform(Arg(0));
            case ("MSBUILD", "ISTARGETFRAMEWORKCOMPATIBLE"):
                return TargetFrameworks.IsCompatible(Arg(0), Arg(1));
            case ("MSBUILD", "VERSIONEQUALS"):
                return CompareVersions(Arg(0), Arg(1)) == 0;
            case ("MSBUILD", "VERSIONNOTEQUALS"):
                return CompareVersions(Arg(0), Arg(1)) != 0;
            case ("MSBUILD", "VERSIONGREATERTHAN"):
                return CompareVersions(Arg(0), Arg(1)) > 0;
            case ("MSBUILD", "VERSIONGREATERTHANOREQUALS"):
                return CompareVersions(Arg(0), Arg(1)) >= 0;
            case ("MSBUILD", "VERSIONLESSTHAN"):
                return CompareVersions(Arg(0), Arg(1)) < 0;
            case ("MSBUILD", "VERSIONLESSTHANOREQUALS"):
                return CompareVersions(Arg(0), Arg(1)) <= 0;
            case ("MSBUILD", "VALUEORDEFAULT"):
                return Arg(0).Length > 0 ? Arg(0) : Arg(1);
            case ("MSBUILD", "ADD"):
                return Number(Arg(0)) + Number(Arg(1));
            case ("MSBUILD", "SUBTRACT"):
                return Number(Arg(0)) - Number(Arg(1));
            case ("MSBUILD", "ESCAPE") or ("MSBUILD", "UNESCAPE"):
                return Arg(0);
            case ("SYSTEM.IO.PATH", "COMBINE"):
                return Combine(a);
            case ("SYSTEM.IO.PATH", "GETFULLPATH"):
                return Path.GetFullPath(Arg(0));
            case ("SYSTEM.IO.PATH", "GETDIRECTORYNAME"):
                return Path.GetDirectoryName(Arg(0)) ?? string.Empty;
            case ("SYSTEM.IO.PATH", "GETFILENAME"):
                return Path.GetFileName(Arg(0));
            case ("SYSTEM.IO.PATH", "GETFILENAMEWITHOUTEXTENSION"):
                return Path.GetFileNameWithoutExtension(Arg(0));
            case ("SYSTEM.IO.PATH", "DIRECTORYSEPARATORCHAR"):
                return Path.DirectorySeparatorChar.ToString();
            case ("SYSTEM.IO.FILE", "EXISTS"):
                return File.Exists(Arg(0));
            case ("SYSTEM.IO.DIRECTORY", "EXISTS"):
                return Directory.Exists(Arg(0));
            case ("SYSTEM.STRING", "ISNULLOREMPTY"):
                return Arg(0).Length == 0;
            case ("SYSTEM.STRING", "ISNULLORWHITESPACE"):
                return string.IsNullOrWhiteSpace(Arg(0));
            case ("SYSTEM.STRING", "COPY"):
                return Arg(0);
            case ("SYSTEM.STRING", "CONCAT"):
                return string.Concat(a);
            case ("SYSTEM.STRING", "JOIN"):
                return string.Join(Arg(0), a.Skip(1));
            case ("SYSTEM.ENVIRONMENT", "GETENVIRONMENTVARIABLE"):
                return Environment.GetEnvironmentVariable(Arg(0)) ?? string.Empty;
            case ("SYSTEM.ENVIRONMENT", "NEWLINE"):
                return "\n";
            case ("SYSTEM.VERSION", "PARSE"):
                return System.Version.TryParse(Arg(0), out var parsed) ? parsed : (object)string.Empty;
            case ("SYSTEM.RUNTIME.INTEROPSERVICES.RUNTIMEINFORMATION", "OSARCHITECTURE") or ("SYSTEM.RUNTIME.INTEROPSERVICES.RUNTIMEINFORMATION", "PROCESSARCHITECTURE"):
                return System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString();
            default:
                Unsupported.Add($"property function [{type}]::{member}");
                return string.Empty;
        }
    }

    private object Instance(object target, string member, List<string> a, bool isCall)
    {
        string Arg(int index) => index < a.Count ? a[index] : string.Empty;
        if (target is Version version)
        {
            switch (member.ToUpperInvariant())
            {
                case "MAJOR":
                    return version.Major;
                case "MINOR":
                    return version.Minor;
                case "BUILD":
                    return version.Build;
                case "REVISION":
                    return version.Revision;
                case "TOSTRING":
                    return version.ToString();
                case "COMPARETO":
                    return System.Version.TryParse(Arg(0), out var other) ? version.CompareTo(other) : 1;
            }
        }

        var text = Text(target);
        switch (member.ToUpperInvariant())
        {
            case "TRIM":
                return a.Count == 0 ? text.Trim() : text.Trim(Arg(0).ToCharArray());
            case "TRIMEND":
                return a.Count == 0 ? text.TrimEnd() : text.TrimEnd(Arg(0).ToCharArray());
            case "TRIMSTART":
                return a.Count == 0 ? text.TrimStart() : text.TrimStart(Arg(0).ToCharArray());
            case "TOLOWER" or "TOLOWERINVARIANT":
                return text.ToLowerInvariant();
            case "TOUPPER" or "TOUPPERINVARIANT":
                return text.ToUpperInvariant();
            case "REPLACE":
                return Arg(0).Length == 0 ? text : text.Replace(Arg(0), Arg(1), StringComparison.Ordinal);
            case "CONTAINS":
                return text.Contains(Arg(0), StringComparison.Ordinal);
            case "STARTSWITH":
                return text.StartsWith(Arg(0), a.Count > 1 ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            case "ENDSWITH":
                return text.EndsWith(Arg(0), a.Count > 1 ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
            case "EQUALS":
                return text.Equals(Arg(0), StringComparison.Ordinal);
            case "COMPARETO":
                return string.CompareOrdinal(text, Arg(0));
            case "INDEXOF":
                return text.IndexOf(Arg(0), StringComparison.Ordinal);
            case "LASTINDEXOF":
                return text.LastIndexOf(Arg(0), StringComparison.Ordinal);
            case "LENGTH" when !isCall:
                return text.Length;
            case "SUBSTRING":
                var start = Math.Clamp((int)Number(Arg(0)), 0, text.Length);
                return a.Count > 1 ? text.Substring(start, Math.Clamp((int)Number(Arg(1)), 0, text.Length - start)) : text.Substring(start);
            case "SPLIT":
                return text.Split(Arg(0).Length == 0 ? ";" : Arg(0))[0];
            case "TOSTRING":
                return text;
            default:
                Unsupported.Add("string method ." + member);
                return string.Empty;
        }
    }

    private const string CurrentPlatform = "Linux";

    private static string Combine(List<string> parts) =>
        parts.Where(p => p.Length > 0).Aggregate(string.Empty, (path, part) => path.Length == 0 ? part : Path.Combine(path, part.Replace('\\', '/')));

    private static string WithSlash(string path) => path.EndsWith('/') ? path : path + "/";

    private static string? FileAbove(string startDirectory, string file)
    {
        if (file.Length == 0 || startDirectory.Length == 0)
        {
            return null;
        }

        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static double Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static int CompareVersions(string a, string b)
    {
        static Version Parse(string text)
        {
            var core = text.TrimStart('v', 'V').Split('-', '+')[0];
            if (!core.Contains('.', StringComparison.Ordinal))
            {
                core += ".0";
            }

            return Version.TryParse(core, out var version) ? version : new Version(0, 0);
        }

        return Parse(a).CompareTo(Parse(b));
    }

    internal static string Text(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static bool AsBool(object value) => value switch
    {
        bool b => b,
        string s when s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("on", StringComparison.OrdinalIgnoreCase) || s.Equals("yes", StringComparison.OrdinalIgnoreCase) => true,
        string s when s.Equals("false", StringComparison.OrdinalIgnoreCase) || s.Equals("off", StringComparison.OrdinalIgnoreCase) || s.Equals("no", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw new FormatException("not a boolean: " + Text(value)),
    };

    /// <summary>A cursor over one expression.</summary>
    private sealed class Reader
    {
        private readonly string _text;
        private int _position;

        public Reader(string text) => _text = text;

        public bool AtEnd => _position >= _text.Length;

        public char Peek => AtEnd ? '\0' : _text[_position];

        public char Next() => AtEnd ? throw new FormatException("unexpected end") : _text[_position++];

        public void Expect(char c)
        {
            SkipSpaces();
            if (Next() != c)
            {
                throw new FormatException($"expected '{c}'");
            }
        }

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }
        }

        public string Identifier()
        {
            SkipSpaces();
            var start = _position;
            while (!AtEnd && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '_' or '-'))
            {
                _position++;
            }

            var name = _text.Substring(start, _position - start);
            SkipSpaces();
            return name;
        }

        public string Until(char end)
        {
            var start = _position;
            while (!AtEnd && _text[_position] != end)
            {
                _position++;
            }

            return _text.Substring(start, _position - start);
        }

        // A bare argument: up to the ',' or ')' that closes it, nested $(...) and quotes skipped over.
        public string UntilArgumentEnd()
        {
            var start = _position;
            var depth = 0;
            while (!AtEnd)
            {
                var c = _text[_position];
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    if (depth == 0)
                    {
                        break;
                    }

                    depth--;
                }
                else if (c == ',' && depth == 0)
                {
                    break;
                }

                _position++;
            }

            return _text.Substring(start, _position - start);
        }
    }

    /// <summary>Recursive descent over MSBuild's condition grammar.</summary>
    private sealed class ConditionParser
    {
        private readonly string _text;
        private readonly MsBuildExpressions _expressions;
        private int _position;

        public ConditionParser(string text, MsBuildExpressions expressions)
        {
            _text = text;
            _expressions = expressions;
        }

        public void End()
        {
            SkipSpaces();
            if (_position < _text.Length)
            {
                throw new FormatException("trailing text");
            }
        }

        public object Or()
        {
            var left = And();
            while (Keyword("or"))
            {
                var right = And();
                left = AsBool(left) || AsBool(right);
            }

            return left;
        }

        private object And()
        {
            var left = Not();
            while (Keyword("and"))
            {
                var right = Not();
                left = AsBool(left) && AsBool(right);
            }

            return left;
        }

        private object Not()
        {
            SkipSpaces();
            if (_position < _text.Length && _text[_position] == '!' && (_position + 1 >= _text.Length || _text[_position + 1] != '='))
            {
                _position++;
                return !AsBool(Not());
            }

            return Comparison();
        }

        private object Comparison()
        {
            var left = Operand();
            SkipSpaces();
            foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
            {
                if (string.CompareOrdinal(_text, _position, op, 0, op.Length) == 0)
                {
                    _position += op.Length;
                    var right = Operand();
                    return Compare(Text(left), Text(right), op);
                }
            }

            return left;
        }

        private static bool Compare(string left, string right, string op)
        {
            if (op is "==" or "!=")
            {
                return string.Equals(left, right, StringComparison.OrdinalIgnoreCase) == (op == "==");
            }

            int order;
            if (double.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && double.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
            {
                order = a.CompareTo(b);
            }
            else if (Version.TryParse(left, out var va) && Version.TryParse(right, out var vb))
            {
                order = va.CompareTo(vb);
            }
            else
            {
                throw new FormatException("not comparable");
            }

            return op switch
            {
                "<" => order < 0,
                ">" => order > 0,
                "<=" => order <= 0,
                _ => order >= 0,
            };
        }

        private object Operand()
        {
            SkipSpaces();
            if (_position >= _text.Length)
            {
                throw new FormatException("missing operand");
            }

            var c = _text[_position];
            if (c == '(')
            {
                _position++;
                var value = Or();
                SkipSpaces();
                if (_position >= _text.Length || _text[_position] != ')')
                {
                    throw new FormatException("missing )");
                }

                _position++;
                return value;
            }

            if (c is '\'' or '"' or '`')
            {
                var end = _text.IndexOf(c, _position + 1);
                if (end < 0)
                {
                    throw new FormatException("unclosed quote");
                }

                var raw = _text.Substring(_position + 1, end - _position - 1);
                _position = end + 1;
                return _expressions.Expand(raw);
            }

            if (c == '$' && _position + 1 < _text.Length && _text[_position + 1] == '(')
            {
                var end = Matching(_text, _position + 1);
                if (end < 0)
                {
                    throw new FormatException("unclosed $(");
                }

                var raw = _text.Substring(_position, end + 1 - _position);
                _position = end + 1;
                return _expressions.Expand(raw);
            }

            var start = _position;
            while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '.' or '_' or '-'))
            {
                _position++;
            }

            var word = _text.Substring(start, _position - start);
            if (word.Length == 0)
            {
                throw new FormatException("unexpected character");
            }

            SkipSpaces();
            if (_position < _text.Length && _text[_position] == '(')
            {
                var end = Matching(_text, _position);
                var inner = _text.Substring(_position + 1, end - _position - 1).Trim();
                _position = end + 1;
                var argument = _expressions.Expand(inner.Trim('\'', '"'));
                return word.ToUpperInvariant() switch
                {
                    "EXISTS" => argument.Length > 0 && (File.Exists(argument) || Directory.Exists(argument) || File.Exists(Path.Combine(_expressions._thisFileDirectory(), argument))),
                    "HASTRAILINGSLASH" => argument.EndsWith('/') || argument.EndsWith('\\'),
                    _ => throw new FormatException("unknown function " + word),
                };
            }

            return word;
        }

        private bool Keyword(string keyword)
        {
            SkipSpaces();
            if (_position + keyword.Length <= _text.Length
                && string.Compare(_text, _position, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (_position + keyword.Length == _text.Length || !char.IsLetterOrDigit(_text[_position + keyword.Length])))
            {
                _position += keyword.Length;
                return true;
            }

            return false;
        }

        private void SkipSpaces()
        {
            while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }
        }
    }
}
