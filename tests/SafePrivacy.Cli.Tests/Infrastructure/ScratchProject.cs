namespace SafePrivacy.Cli.Tests.Infrastructure;

/// <summary>
/// Small projects written for one test. They declare their own copies of the SafePrivacy attributes they use (the
/// analyzers match attributes by name, as a project that vendors them would), so they restore with no package.
/// </summary>
internal static class ScratchProject
{
    public const string Attributes = """
        namespace SafePrivacy
        {
            [System.AttributeUsage(System.AttributeTargets.All)]
            public sealed class PersonalDataAttribute : System.Attribute
            {
            }
        }
        """;

    /// <summary>Logs a customer's email with no lawful basis: one SP2001 at line 10 of Signup.cs.</summary>
    public const string Signup = """
        namespace Shop
        {
            public sealed class Customer
            {
                [SafePrivacy.PersonalData] public string Email { get; set; } = "";
            }

            public static class Signup
            {
                public static void Register(Customer customer) => System.Console.WriteLine("Registered " + customer.Email);
            }
        }
        """;

    /// <summary>Another class of the Signup project that logs the customer's email: one SP2001 at its line 5.</summary>
    public static string Logging(string type) => $$"""
        namespace Shop
        {
            public static class {{type}}
            {
                public static void Run(Customer customer) => System.Console.WriteLine("{{type}}: " + customer.Email);
            }
        }
        """;

    public static string ProjectFile(string properties = "", string before = "", string after = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          {before}
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            {properties}
          </PropertyGroup>
          {after}
        </Project>
        """;

    /// <summary>A project file that uses the SafePrivacy package's build props and targets, as a package consumer does.</summary>
    public static string WithPackageBuildFiles(string properties)
    {
        var build = Repository.PathOf("nuget", "SafePrivacy", "build");
        return ProjectFile(
            properties,
            before: $"<Import Project=\"{build}/SafePrivacy.props\" />",
            after: $"<Import Project=\"{build}/SafePrivacy.targets\" />");
    }
}
