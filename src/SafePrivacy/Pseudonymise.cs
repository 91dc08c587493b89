using System;
using System.Security.Cryptography;
using System.Text;

namespace SafePrivacy;

/// <summary>Turns identifying values into pseudonymous identifiers (UK GDPR Art 4(5)).</summary>
public static class Pseudonymise
{
    /// <summary>
    /// Returns the HMAC-SHA256 of the UTF-8 bytes of <paramref name="value"/> under <paramref name="key"/>, as
    /// 64 lower-case hexadecimal digits. The same value and key always give the same identifier, so records can
    /// still be joined; without the key the value cannot be recovered or confirmed by guessing.
    /// </summary>
    /// <param name="value">The identifying value, such as an email address.</param>
    /// <param name="key">A secret key of at least 16 bytes, kept apart from the pseudonymised data.</param>
    /// <returns>The pseudonymous identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> or <paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is shorter than 16 bytes.</exception>
    [Pseudonymises]
    public static string Hmac(string value, byte[] key)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        return Hmac(Encoding.UTF8.GetBytes(value), key);
    }

    /// <summary>
    /// Returns the HMAC-SHA256 of <paramref name="value"/> under <paramref name="key"/>, as 64 lower-case
    /// hexadecimal digits.
    /// </summary>
    /// <param name="value">The identifying bytes.</param>
    /// <param name="key">A secret key of at least 16 bytes, kept apart from the pseudonymised data.</param>
    /// <returns>The pseudonymous identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> or <paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is shorter than 16 bytes.</exception>
    [Pseudonymises]
    public static string Hmac(byte[] value, byte[] key)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (key.Length < MinimumKeyLength)
        {
            throw new ArgumentException($"The key must be at least {MinimumKeyLength} bytes; a short key makes the identifiers guessable.", nameof(key));
        }

        using var hmac = new HMACSHA256(key);
        return ToHex(hmac.ComputeHash(value));
    }

    private const int MinimumKeyLength = 16;

    private static string ToHex(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
