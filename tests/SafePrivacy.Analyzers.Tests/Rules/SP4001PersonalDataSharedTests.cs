using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PersonalDataSharedAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP4001PersonalDataSharedTests
{
    private const string Model = TestModel.Users;

    [Fact]
    public Task Diagnostic_ForHttpRequestBodies() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text.Json;
        using System.Threading.Tasks;

        public class CrmSync
        {
            public async Task Run(HttpClient http, User user)
            {
                await http.PostAsJsonAsync("https://crm.example/contacts", {|#0:user|});
                await http.PutAsync("https://crm.example/contacts/1", [|new StringContent(user.Email)|]);
                await http.PostAsync("https://crm.example/contacts", [|JsonContent.Create(user)|]);
                var json = JsonSerializer.Serialize(user);
                await http.PatchAsync("https://crm.example/contacts/1", [|new StringContent(json)|]);
                var request = new HttpRequestMessage(HttpMethod.Post, "https://crm.example/contacts");
                request.Content = new StringContent(user.DisplayName);
                await http.SendAsync([|request|]);
                await http.PostAsJsonAsync("https://crm.example/stats", new { user.Id });
                await http.PostAsync("https://crm.example/ping", new StringContent(user.Theme));
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP4001").WithLocation(0)
            .WithMessage("the whole 'User' (holds Email, DisplayName) is sent to another party by HttpClient.PostAsJsonAsync with no [Recipient] in scope; declare who receives it on 'CrmSync.Run' or its type"));

    [Fact]
    public Task Diagnostic_ForPersonalDataInARequestUrl_UnlessTheRecipientIsDeclared() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System.Net.Http;
        using System.Threading.Tasks;
        using SafePrivacy;

        public class AvatarLookup
        {
            public Task<string> Find(HttpClient http, User user) =>
                http.GetStringAsync({|#0:$"https://avatars.example/lookup?email={user.Email}"|});
        }

        [Recipient("Avatars Ltd", Kind = RecipientKind.Processor, Reference = "DPA-2023-04")]
        public class DeclaredLookup
        {
            public Task<string> Find(HttpClient http, User user) =>
                http.GetStringAsync($"https://avatars.example/lookup?email={user.Email}");
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP4001").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is sent to another party by HttpClient.GetStringAsync with no [Recipient] in scope; declare who receives it on 'AvatarLookup.Find' or its type"));

    [Fact]
    public Task Diagnostic_ForExternalTransfersAndExternalClassifiers_ButNotInHouseOnes() => Verify.VerifyAnalyzerAsync($$"""
        using SafePrivacy;

        public interface IVendorModeration
        {
            [ModerationClassifier]
            double Score(string text);
        }

        [ModerationClassifier]
        public interface IInHouseModel
        {
            double Score(string text);
        }

        public sealed class InHouseModel : IInHouseModel
        {
            public double Score(string text) => text.Length;
        }

        public static class Partners
        {
            [ExternalTransfer]
            public static void Send(object payload) { }
        }

        public class Moderation
        {
            public void Run(IVendorModeration vendor, IInHouseModel model, Post post, User user)
            {
                vendor.Score([|post.Body|]);
                model.Score(post.Body);
                Partners.Send([|user|]);
                Partners.Send(post.Id);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task NoDiagnostic_WhenARecipientIsDeclared() => Verify.VerifyAnalyzerAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using SafePrivacy;

        [Recipient("Acme CRM Ltd", Kind = RecipientKind.Processor, Reference = "DPA 2024-03")]
        public class CrmSync
        {
            public Task Run(HttpClient http, User user) => http.PostAsJsonAsync("https://crm.example/contacts", user);
        }
        {{Model}}
        """);
}
