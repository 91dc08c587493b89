using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SafePrivacy.Analyzers.Inventory;
using SafePrivacy.Analyzers.Tests.Robustness;

namespace SafePrivacy.Analyzers.Tests.Inventory;

/// <summary>
/// The record of processing names the vendor each SDK call sends personal data to, whether a [Recipient] declares it
/// (what a reviewer checks the declaration against) or not (what the declaration is missing).
/// </summary>
public sealed class VendorPartyInventoryTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.ApplicationInsights;
        using Microsoft.Extensions.AI;
        using SafePrivacy;
        using Sentry;

        public class User
        {
            public int Id { get; set; }
            [PersonalData(DataCategory.Contact)] public string Email { get; set; } = "";
        }

        [LawfulBasis(LawfulBasis.LegitimateInterests, Purpose = "Diagnose failed payments", Reference = "LIA-2025-03")]
        [Recipient("Sentry", Kind = RecipientKind.Processor, Reference = "DPA 2025-02")]
        public class Checkout
        {
            public void Fail(User user, TelemetryClient telemetry)
            {
                SentrySdk.CaptureMessage($"Payment failed for {user.Email}");
                telemetry.TrackEvent("PaymentFailed", new Dictionary<string, string> { ["email"] = user.Email });
            }
        }

        public class Support
        {
            public Task<ChatResponse> Draft(IChatClient chat, User user) => chat.GetResponseAsync($"Reply to {user.Email}");
        }
        """;

    [Fact]
    public void EachVendorSinkNamesItsParty_AndTheActivityListsThemBesideItsRecipients()
    {
        var inventory = Build();

        var checkout = Assert.Single(inventory.Activities, a => a.Name == "Checkout");
        Assert.Equal(new[] { "Sentry", "Application Insights" }, checkout.Parties);
        Assert.Equal("Sentry", Assert.Single(checkout.Recipients).Name);
        var telemetry = Assert.Single(checkout.Sinks, s => s.Sink == "TelemetryClient.TrackEvent");
        Assert.Equal(InventorySinkKind.Telemetry, telemetry.Kind);
        Assert.True(telemetry.LeavesTheService);
        Assert.All(checkout.Sinks, s => Assert.True(s.LeavesTheService));
    }

    [Fact]
    public void UndeclaredProcessing_NamesTheVendorItsDataGoesTo()
    {
        var support = Assert.Single(Build().Undeclared, u => u.Member == "Support.Draft");

        var sink = Assert.Single(support.Sinks);
        Assert.Equal(("IChatClient.GetResponseAsync", "the chat model's provider", true), (sink.Sink, sink.Party, sink.LeavesTheService));
        Assert.Equal(new[] { "the chat model's provider" }, support.Parties);
    }

    private static InventoryModel Build()
    {
        var compilation = RobustnessCorpus.Compile(new[] { Source });
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return ProcessingInventory.Build(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
    }
}
