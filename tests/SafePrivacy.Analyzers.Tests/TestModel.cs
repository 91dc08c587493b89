namespace SafePrivacy.Analyzers.Tests;

/// <summary>Domain types test sources share, appended to a source with <c>{{TestModel.Users}}</c>.</summary>
internal static class TestModel
{
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
