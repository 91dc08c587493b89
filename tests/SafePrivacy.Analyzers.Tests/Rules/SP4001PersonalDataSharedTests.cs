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

    [Fact]
    public Task Diagnostic_ForSentryMessagesExceptionsBreadcrumbsUsersTagsAndExtras_NamingSentry() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System;
        using System.Collections.Generic;
        using Sentry;

        public class Checkout
        {
            public void Fail(IHub hub, User user, Exception error)
            {
                SentrySdk.CaptureMessage({|#0:$"Payment failed for {user.Email}"|});
                SentrySdk.CaptureMessage([|"Declined: " + user.DisplayName|], SentryLevel.Warning);
                SentrySdk.CaptureException([|new InvalidOperationException($"No card for {user.Email}")|]);
                hub.CaptureMessage([|user.Email|], scope => { });
                SentrySdk.AddBreadcrumb([|$"Viewed basket of {user.DisplayName}"|], "checkout");
                SentrySdk.AddBreadcrumb("basket", data: [|new Dictionary<string, string> { ["email"] = user.Email }|]);
                SentrySdk.SetTag("customer", [|user.Email|]);
                SentrySdk.ConfigureScope(scope =>
                {
                    scope.User = [|new SentryUser { Email = user.Email, Username = user.DisplayName }|];
                    scope.SetTag("name", [|user.DisplayName|]);
                    scope.SetExtra("customer", [|user|]);
                });
                SentrySdk.ConfigureScope(scope => scope.User.Email = [|user.Email|]);
                SentrySdk.CaptureException(error, scope => scope.SetExtra("email", [|user.Email|]));

                SentrySdk.CaptureMessage($"Payment failed for customer {user.Id}");
                SentrySdk.CaptureException(error);
                SentrySdk.SetTag("theme", user.Theme);
                SentrySdk.ConfigureScope(scope => scope.User = new SentryUser { Id = user.Id.ToString() });
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP4001").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is sent to Sentry by SentrySdk.CaptureMessage with no [Recipient] in scope; declare who receives it on 'Checkout.Fail' or its type"));

    [Fact]
    public Task Diagnostic_ForApplicationInsightsEventsTracesExceptionsAndProperties() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System;
        using System.Collections.Generic;
        using Microsoft.ApplicationInsights;
        using Microsoft.ApplicationInsights.DataContracts;

        public class Signups
        {
            public void Track(TelemetryClient telemetry, User user)
            {
                telemetry.TrackEvent("SignedUp", {|#0:new Dictionary<string, string> { ["email"] = user.Email }|});
                telemetry.TrackTrace([|$"Welcome mail sent to {user.Email}"|], SeverityLevel.Information);
                telemetry.TrackException([|new InvalidOperationException(user.DisplayName)|]);
                telemetry.TrackEvent([|new EventTelemetry($"SignedUp {user.DisplayName}")|]);
                telemetry.Context.User.AuthenticatedUserId = [|user.Email|];

                telemetry.TrackEvent("SignedUp", new Dictionary<string, string> { ["userId"] = user.Id.ToString() });
                telemetry.TrackTrace("Welcome mail sent", SeverityLevel.Information, new Dictionary<string, string> { ["theme"] = user.Theme });
                telemetry.Context.User.Id = user.Id.ToString();
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP4001").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is sent to Application Insights by TelemetryClient.TrackEvent with no [Recipient] in scope; declare who receives it on 'Signups.Track' or its type"));

    [Fact]
    public Task Diagnostic_ForTwilioMessagesAndStripeCustomers() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System.Threading.Tasks;
        using Stripe;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Rest.Verify.V2.Service;
        using Twilio.Types;

        public class Member
        {
            public int Id { get; set; }
            [SafePrivacy.PersonalData(SafePrivacy.DataCategory.Contact)] public string Phone { get; set; } = "";
            [SafePrivacy.PersonalData(SafePrivacy.DataCategory.Contact)] public string Email { get; set; } = "";
            [SafePrivacy.PersonalData(SafePrivacy.DataCategory.Name)] public string Name { get; set; } = "";
            [SafePrivacy.PersonalData(SafePrivacy.DataCategory.Location)] public string Postcode { get; set; } = "";
        }

        public class Notifications
        {
            public async Task Run(Member member, CustomerService customers)
            {
                await MessageResource.CreateAsync({|#0:new PhoneNumber(member.Phone)|}, from: new PhoneNumber("+441234567890"), body: "Your code is 1234");
                MessageResource.Create([|new CreateMessageOptions(new PhoneNumber(member.Phone)) { Body = "Your code is 1234" }|]);
                MessageResource.Create(to: new PhoneNumber("+441234567890"), body: [|$"New sign-up: {member.Name}"|]);
                VerificationResource.Create(to: [|member.Phone|], channel: "sms", pathServiceSid: "VA123");

                await customers.CreateAsync({|#1:new CustomerCreateOptions { Email = member.Email, Name = member.Name }|});
                customers.Update("cus_123", [|new CustomerUpdateOptions { Address = new AddressOptions { PostalCode = member.Postcode } }|]);

                await customers.CreateAsync(new CustomerCreateOptions { Metadata = new() { ["memberId"] = member.Id.ToString() } });
                MessageResource.Create(to: new PhoneNumber("+441234567890"), body: $"New sign-up: member {member.Id}");
            }
        }
        """,
        Verify.Diagnostic("SP4001").WithLocation(0)
            .WithMessage("'Member.Phone' (contact details) is sent to Twilio by MessageResource.CreateAsync with no [Recipient] in scope; declare who receives it on 'Notifications.Run' or its type"),
        Verify.Diagnostic("SP4001").WithLocation(1)
            .WithMessage("'Member.Email' (contact details) together with 'Member.Name' (name) is sent to Stripe by CustomerService.CreateAsync with no [Recipient] in scope; declare who receives it on 'Notifications.Run' or its type"));

    [Fact]
    public Task Diagnostic_ForPromptsToChatClientsAndOpenAi() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using OpenAI.Chat;
        using OpenAI.Moderations;

        public class Summaries
        {
            public async Task Run(IChatClient chat, ChatClient openAi, ModerationClient moderation, User user, Post post)
            {
                await chat.GetResponseAsync({|#0:$"Write a welcome note for {user.DisplayName}"|});
                await chat.GetResponseAsync([|new List<Microsoft.Extensions.AI.ChatMessage> { new(ChatRole.User, $"Email {user.Email} a summary") }|]);
                await foreach (var update in chat.GetStreamingResponseAsync([|new Microsoft.Extensions.AI.ChatMessage(ChatRole.User, post.Body)|]))
                {
                }

                await openAi.CompleteChatAsync([|new List<OpenAI.Chat.ChatMessage> { OpenAI.Chat.ChatMessage.CreateUserMessage($"Summarise {user.Email}") }|]);
                // A params array is reported at the call that builds it.
                [|openAi.CompleteChat(OpenAI.Chat.ChatMessage.CreateUserMessage(post.Body))|];
                await moderation.ClassifyTextAsync({|#1:post.Body|});
                moderation.ClassifyText([|new[] { post.Body }|]);

                await chat.GetResponseAsync("Write a welcome note for a new member");
                await moderation.ClassifyTextAsync(user.Theme);
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP4001").WithLocation(0)
            .WithMessage("'User.DisplayName' (name) is sent to the chat model's provider by IChatClient.GetResponseAsync with no [Recipient] in scope; declare who receives it on 'Summaries.Run' or its type"),
        Verify.Diagnostic("SP4001").WithLocation(1)
            .WithMessage("'Post.Body' (user-generated content) is sent to OpenAI or Azure OpenAI by ModerationClient.ClassifyTextAsync with no [Recipient] in scope; declare who receives it on 'Summaries.Run' or its type"));

    [Fact]
    public Task NoDiagnostic_ForVendorsWhenTheRecipientIsDeclared() => Verify.VerifyAnalyzerAsync($$"""
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using Sentry;
        using SafePrivacy;

        [Recipient("Sentry", Kind = RecipientKind.Processor, Reference = "DPA 2025-02")]
        [Recipient("Azure OpenAI", Kind = RecipientKind.Processor, Reference = "DPA 2025-07")]
        public class Support
        {
            public async Task Run(IChatClient chat, User user)
            {
                SentrySdk.CaptureMessage($"Ticket opened by {user.Email}");
                await chat.GetResponseAsync($"Draft a reply to {user.DisplayName}");
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ThroughAHelperStillNamesTheVendor() => Verify.VerifyAnalyzerAsync(
        $$"""
        using Sentry;

        public static class ErrorReports
        {
            public static void Report(string text) => SentrySdk.CaptureMessage(text);
        }

        public class Checkout
        {
            public void Fail(User user)
            {
                ErrorReports.Report({|#0:"Payment failed for " + user.Email|});
                ErrorReports.Report("Payment failed for customer " + user.Id);
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP4001").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is sent to Sentry by SentrySdk.CaptureMessage through 'ErrorReports.Report' with no [Recipient] in scope; declare who receives it on 'Checkout.Fail' or its type"));

    [Fact]
    public Task Diagnostic_ForTheOtherOverloadsAndForms_OfTheVendorSdks() => Verify.VerifyAnalyzerAsync($$"""
        #pragma warning disable OPENAI001 // the Responses API is marked experimental in OpenAI 2.x
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using OpenAI.Embeddings;
        using OpenAI.Responses;
        using Sentry;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;

        public class Reports
        {
            public async Task Run(IHub hub, ISentryClient client, ResponsesClient responses, EmbeddingClient embeddings, Azure.AI.OpenAI.AzureOpenAIClient azure, User user, Post post)
            {
                var deployment = azure.GetChatClient("moderation");
                await deployment.CompleteChatAsync([|new[] { OpenAI.Chat.ChatMessage.CreateUserMessage($"Classify {post.Body} by {user.DisplayName}") }|]);
                await azure.GetModerationClient("omni").ClassifyTextAsync([|post.Body|]);

                var evt = new SentryEvent();
                evt.SetTag("email", [|user.Email|]);
                evt.SetExtra("name", [|user.DisplayName|]);
                hub.CaptureEvent([|new SentryEvent { Message = user.Email }|], scope => { });
                client.CaptureException([|new InvalidOperationException(user.Email)|]);
                SentrySdk.ConfigureScope(scope => scope.SetTags([|new[] { new KeyValuePair<string, string>("email", user.Email) }|]));
                SentrySdk.ConfigureScope((scope, email) => scope.SetTag("email", email), [|user.Email|]);

                await responses.CreateResponseAsync("gpt-4.1", [|$"Summarise {user.DisplayName}'s posts"|]);
                await embeddings.GenerateEmbeddingAsync([|post.Body|]);
                CallResource.Create(new PhoneNumber("+441234567890"), new PhoneNumber("+441234567891"), twiml: [|new Twiml($"<Response><Say>Hello {user.DisplayName}</Say></Response>")|]);

                evt.SetTag("theme", user.Theme);
                await embeddings.GenerateEmbeddingAsync(user.Theme);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task NoDiagnostic_ForTheProjectsOwnTypesNamedLikeVendorSdks() => Verify.VerifyAnalyzerAsync($$"""
        namespace MyApp.Diagnostics
        {
            public static class SentrySdk
            {
                public static void CaptureMessage(string message) => System.Diagnostics.Debug.Assert(message.Length > 0);
            }

            public sealed class TelemetryClient
            {
                public void TrackEvent(string name) { }
            }

            public class Checkout
            {
                public void Fail(TelemetryClient telemetry, User user)
                {
                    SentrySdk.CaptureMessage(user.Email);
                    telemetry.TrackEvent(user.DisplayName);
                }
            }
        }
        {{Model}}
        """);
}
