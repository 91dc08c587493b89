namespace SafePrivacy.Analyzers.Tests;

/// <summary>Domain types test sources share, appended to a source with <c>{{TestModel.Users}}</c>.</summary>
internal static class TestModel
{
    /// <summary>
    /// ASP.NET Core Identity's user with a [PersonalData] member of its own, logged: Identity's attribute has the same
    /// name as SafePrivacy's, and IdentityUser's Id is itself personal data.
    /// </summary>
    public const string IdentitySignIn = """
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;

        public class ApplicationUser : IdentityUser
        {
            [PersonalData] public string Nickname { get; set; } = "";
        }

        public class SignIn
        {
            public void Run(ILogger log, ApplicationUser user) => log.LogInformation("{Nick}", [|user.Nickname|]);
        }
        """;

    public const string Users = """

        public class User
        {
            public int Id { get; set; }
            [SafePrivacy.PersonalData(SafePrivacy.DataCategory.Contact)] public string Email { get; set; } = "";
            [SafePrivacy.PersonalData(SafePrivacy.DataCategory.Name)] public string DisplayName { get; set; } = "";
            public string Theme { get; set; } = "";
        }

        public record UserRecord(int Id, [property: SafePrivacy.PersonalData(SafePrivacy.DataCategory.Contact)] string Email);

        public class Post
        {
            public int Id { get; set; }
            public int AuthorId { get; set; }
            [SafePrivacy.UserGeneratedContent] public string Body { get; set; } = "";
        }
        """;
}
