using System.Threading.Tasks;
using Verify = SafePrivacy.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SafePrivacy.Analyzers.Rules.PersonalDataInTelemetryAnalyzer>;

namespace SafePrivacy.Analyzers.Tests.Rules;

public sealed class SP2004PersonalDataInTelemetryTests
{
    private const string Model = TestModel.Users;

    [Fact]
    public Task Diagnostic_ForActivityTagsBaggageStatusNameAndEvents() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System.Diagnostics;

        public class Accounts
        {
            private static readonly ActivitySource Source = new("Accounts");

            public void Register(User user)
            {
                using var activity = Source.StartActivity("register");
                activity?.SetTag("user.email", {|#0:user.Email|});
                activity?.AddTag("user.name", [|user.DisplayName|]);
                activity?.SetBaggage("email", [|user.Email|]);
                activity?.AddBaggage("email", [|user.Email|]);
                activity?.SetStatus(ActivityStatusCode.Error, [|"Failed for " + user.Email|]);
                activity!.DisplayName = [|user.DisplayName|];
                var tags = new ActivityTagsCollection { { "email", user.Email } };
                activity.AddEvent([|new ActivityEvent("registered", tags: tags)|]);
                activity.SetTag("user.id", user.Id);
                activity.AddEvent(new ActivityEvent("registered"));
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP2004").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is sent to telemetry by Activity.SetTag; traces and metrics go to monitoring vendors and are kept, tag an identifier instead"));

    [Fact]
    public Task Diagnostic_ForActivitySourceTagsAndNames() => Verify.VerifyAnalyzerAsync($$"""
        using System.Collections.Generic;
        using System.Diagnostics;

        public class Accounts
        {
            private static readonly ActivitySource Source = new("Accounts");

            public void Register(User user)
            {
                using var named = Source.StartActivity([|"register " + user.Email|]);
                using var tagged = Source.StartActivity("register", ActivityKind.Internal, default(ActivityContext), [|new[] { new KeyValuePair<string, object?>("email", user.Email) }|]);
                using var clean = Source.StartActivity("register", ActivityKind.Internal, default(ActivityContext), new[] { new KeyValuePair<string, object?>("id", user.Id) });
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForMetricTags() => Verify.VerifyAnalyzerAsync($$"""
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Diagnostics.Metrics;

        public class Accounts
        {
            private static readonly Meter Meter = new("Accounts");
            private static readonly Counter<int> Registrations = Meter.CreateCounter<int>("registrations");
            private static readonly Histogram<double> Latency = Meter.CreateHistogram<double>("latency");

            public void Register(User user)
            {
                Registrations.Add(1, [|new KeyValuePair<string, object?>("email", user.Email)|]);
                Latency.Record(3.5, [|new TagList { { "name", user.DisplayName } }|]);
                Registrations.Add(1, new KeyValuePair<string, object?>("theme", user.Theme));
                Registrations.Add(1, [|KeyValuePair.Create<string, object?>("who", user.Email)|]);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForTheOpenTelemetryApi() => Verify.VerifyAnalyzerAsync($$"""
        using OpenTelemetry;
        using OpenTelemetry.Trace;

        public class Accounts
        {
            public void Register(TelemetrySpan span, User user)
            {
                span.SetAttribute("email", [|user.Email|]);
                span.UpdateName([|"register " + user.DisplayName|]);
                Baggage.SetBaggage("email", [|user.Email|]);
                span.SetAttribute("id", user.Id);
            }
        }
        {{Model}}
        """);

    [Fact]
    public Task Diagnostic_ForApplicationInsightsMessagesAndPropertyDictionaries() => Verify.VerifyAnalyzerAsync(
        $$"""
        using System;
        using System.Collections.Generic;
        using Microsoft.ApplicationInsights;

        public class Signups
        {
            public void Track(TelemetryClient telemetry, User user)
            {
                telemetry.TrackEvent("SignedUp", {|#0:new Dictionary<string, string> { ["email"] = user.Email }|});
                telemetry.TrackTrace([|$"Welcome mail sent to {user.DisplayName}"|]);
                telemetry.TrackException([|new InvalidOperationException(user.Email)|], [|new Dictionary<string, string> { ["name"] = user.DisplayName }|]);
                telemetry.TrackPageView([|"Profile of " + user.DisplayName|]);

                telemetry.TrackEvent("SignedUp", new Dictionary<string, string> { ["userId"] = user.Id.ToString() });
                telemetry.TrackTrace("Welcome mail sent");
            }
        }
        {{Model}}
        """,
        Verify.Diagnostic("SP2004").WithLocation(0)
            .WithMessage("'User.Email' (contact details) is sent to telemetry by TelemetryClient.TrackEvent; traces and metrics go to monitoring vendors and are kept, tag an identifier instead"));
}
