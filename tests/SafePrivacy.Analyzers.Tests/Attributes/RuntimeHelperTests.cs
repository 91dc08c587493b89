using System;
using System.Linq;
using System.Reflection;
using System.Text;

namespace SafePrivacy.Analyzers.Tests.Attributes;

public sealed class RuntimeHelperTests
{
    [Fact]
    public void RedactValue_ReturnsTheMarkerWhateverTheValue()
    {
        Assert.Equal("[redacted]", Redact.Value("alice@example.com"));
        Assert.Equal(Redact.Marker, Redact.Value(42));
        Assert.Equal(Redact.Marker, Redact.Value<string?>(null));
    }

    [Fact]
    public void Helpers_CarryTheAttributesTheAnalyzersFollow()
    {
        Assert.NotNull(typeof(Redact).GetMethod(nameof(Redact.Value))!.GetCustomAttribute<RedactsAttribute>());
        Assert.All(
            typeof(Pseudonymise).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == nameof(Pseudonymise.Hmac)),
            m => Assert.NotNull(m.GetCustomAttribute<PseudonymisesAttribute>()));
    }

    // RFC 4231 test case 1: key = 20 bytes of 0x0b, data = "Hi There".
    [Fact]
    public void Hmac_MatchesRfc4231TestCase1() =>
        Assert.Equal(
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
            Pseudonymise.Hmac("Hi There", Enumerable.Repeat((byte)0x0b, 20).ToArray()));

    // RFC 4231 test case 6: a 131-byte key of 0xaa, longer than the block size, is hashed first.
    [Fact]
    public void Hmac_MatchesRfc4231TestCase6() =>
        Assert.Equal(
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
            Pseudonymise.Hmac(Encoding.ASCII.GetBytes("Test Using Larger Than Block-Size Key - Hash Key First"), Enumerable.Repeat((byte)0xaa, 131).ToArray()));

    [Fact]
    public void Hmac_IsStableAndKeyed()
    {
        var key = Encoding.UTF8.GetBytes("a key of thirty-two bytes length");
        var other = Encoding.UTF8.GetBytes("another key of thirty-two bytes!");

        Assert.Equal(Pseudonymise.Hmac("alice@example.com", key), Pseudonymise.Hmac("alice@example.com", key));
        Assert.NotEqual(Pseudonymise.Hmac("alice@example.com", key), Pseudonymise.Hmac("alice@example.com", other));
        Assert.Matches("^[0-9a-f]{64}$", Pseudonymise.Hmac("alice@example.com", key));
    }

    [Fact]
    public void Hmac_RejectsMissingArgumentsAndShortKeys()
    {
        Assert.Throws<ArgumentNullException>(() => Pseudonymise.Hmac((string)null!, new byte[16]));
        Assert.Throws<ArgumentNullException>(() => Pseudonymise.Hmac("x", null!));
        var exception = Assert.Throws<ArgumentException>(() => Pseudonymise.Hmac("x", new byte[15]));
        Assert.Contains("at least 16 bytes", exception.Message, StringComparison.Ordinal);
    }
}
