using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PersonalDataInUrlAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP4002PersonalDataInUrlTests
{
    private const string Model = TestModel.Users;

    [Fact]
    public Task Diagnostic_ForRequestUrisOfAnyVerb() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        public class Lookup
        {
            public async Task Run(HttpClient http, User user)
            {
                await http.GetAsync({|#0:$"https://api.example/users?email={user.Email}"|});
                await http.GetStringAsync([|"https://api.example/users/" + Uri.EscapeDataString(user.DisplayName)|]);
                var uri = new Uri($"https://api.example/users?email={user.Email}");
                await http.DeleteAsync([|uri|]);
                await http.PostAsJsonAsync([|$"https://api.example/users/{user.Email}/flags"|], new { Flag = 1 });
                var request = new HttpRequestMessage(HttpMethod.Get, [|$"https://api.example/u?e={user.Email}"|]);
                await http.GetAsync($"https://api.example/users/{user.Id}");
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP4002").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is placed in a URL by HttpClient.GetAsync; URLs end up in server, proxy and browser logs, send it in the request body instead"));

    [Fact]
    public Task Diagnostic_ForQueryStringsBeingBuilt() => Verify.VerifyAnalyzerAsync($$"""
        using System;
        using System.Collections.Generic;
        using Microsoft.AspNetCore.WebUtilities;

        public class Links
        {
            public string Build(User user)
            {
                var builder = new UriBuilder("https://forum.example/verify");
                builder.Query = [|"email=" + user.Email|];
                var link = QueryHelpers.AddQueryString("https://forum.example/verify", "email", [|user.Email|]);
                var many = QueryHelpers.AddQueryString("https://forum.example/verify", [|new Dictionary<string, string?> { ["name"] = user.DisplayName }|]);
                var safe = QueryHelpers.AddQueryString("https://forum.example/verify", "id", user.Id.ToString());
                return link + many + safe + builder.Uri;
            }
        }
        {{Model}}
        """);
}
