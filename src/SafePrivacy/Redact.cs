namespace SafePrivacy;

/// <summary>Replaces personal data with a fixed marker before it reaches a log, a message or telemetry.</summary>
public static class Redact
{
    /// <summary>The marker every redacted value becomes.</summary>
    public const string Marker = "[redacted]";

    /// <summary>Returns <see cref="Marker"/>, whatever the value. The value is never read.</summary>
    /// <typeparam name="T">The value's type (generic so value types are not boxed).</typeparam>
    /// <param name="value">The personal data to hide.</param>
    /// <returns><see cref="Marker"/>.</returns>
    [Redacts]
#pragma warning disable IDE0060 // The parameter exists so call sites read naturally; its value is deliberately ignored.
    public static string Value<T>(T value) => Marker;
#pragma warning restore IDE0060
}
