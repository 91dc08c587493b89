using System;
using System.Linq;
using SafePrivacy.Analyzers.Inventory;
using SafePrivacy.Cli.Tests.Infrastructure;

namespace SafePrivacy.Cli.Tests;

/// <summary>
/// The engine's inventory of the two forums: each activity with what its declarations say and where its data goes,
/// and — in the forum with mistakes — the processing that has no basis at all.
/// </summary>
[Collection(SharedSamples.Name)]
public sealed class InventoryModelTests
{
    private readonly SampleFixture _samples;

    public InventoryModelTests(SampleFixture samples) => _samples = samples;

    private InventoryModel Compliant => Assert.Single(_samples.CompliantInventory.Systems).Model;

    private InventoryModel Mistakes => Assert.Single(_samples.MistakesInventory.Systems).Model;

    [Fact]
    public void Compliant_HasAnActivityForEachBasis_AndNothingUndeclared()
    {
        Assert.True(Compliant.UsesSafePrivacy);
        Assert.Equal(new[] { "Forum.Compliant", "AutoModerator", "CsamReporter", "ReportStore" }, Compliant.Activities.Select(a => a.Name));
        Assert.Equal(ActivityScope.Assembly, Compliant.Activities[0].Scope);
        Assert.All(Compliant.Activities.Skip(1), a => Assert.Equal(ActivityScope.Type, a.Scope));
        Assert.Empty(Compliant.Undeclared);
    }

    [Fact]
    public void AutoModerator_RecordsItsBasis_InferredHealthData_Condition_AndVendor()
    {
        var moderator = Activity(Compliant, "AutoModerator");

        Assert.Equal("LegalObligation", moderator.Basis.Basis);
        Assert.Equal("Find and remove illegal content and protect users from harm", moderator.Basis.Purpose);
        Assert.Equal("Online Safety Act 2023 ss.10 and 12", moderator.Basis.Reference);
        Assert.True(moderator.IsModerationPipeline);
        Assert.Equal(new[] { "AutoModerator.HandleAsync" }, moderator.Members);

        var risk = Assert.Single(moderator.Data, d => d.IsSpecialCategory);
        Assert.Equal("ISelfHarmModel.Risk()", risk.Name);
        Assert.Equal("Health", risk.SpecialCategory);
        Assert.True(risk.Inferred);
        Assert.Contains(moderator.Data, d => d.Name == "Post.Body" && (d.Kinds & PersonalDataKinds.UserGeneratedContent) != 0);

        var condition = Assert.Single(moderator.SpecialCategoryConditions);
        Assert.Equal(("SubstantialPublicInterest", "SafeguardingOfChildrenAndIndividualsAtRisk", "APD-07 Safeguarding"), (condition.Condition, condition.Schedule1, condition.PolicyDocument));
        var vendor = Assert.Single(moderator.Recipients);
        Assert.Equal(("Acme Moderation Ltd", "Processor", "DPA-2024-11"), (vendor.Name, vendor.Kind, vendor.Reference));
    }

    [Fact]
    public void AutoModerator_SendsContentToTheVendorsClassifier_AndKeepsTheInHouseModelInside()
    {
        var sinks = Activity(Compliant, "AutoModerator").Sinks;

        Assert.Equal(new[] { "IToxicityClassifier.ScoreAsync", "ISelfHarmModel.Risk" }, sinks.Select(s => s.Sink));
        Assert.All(sinks, s => Assert.Equal(InventorySinkKind.Classifier, s.Kind));
        Assert.True(sinks[0].LeavesTheService);
        Assert.False(sinks[1].LeavesTheService);
        Assert.All(sinks, s => Assert.Equal("Post.Body", Assert.Single(s.Data).Name));
    }

    [Fact]
    public void CsamReporter_RecordsCriminalOffenceData_ItsCondition_Retention_AndTheAuthority()
    {
        var reporter = Activity(Compliant, "CsamReporter");

        var evidence = Assert.Single(reporter.Data);
        Assert.True(evidence.IsCriminalOffence);
        Assert.Equal("CsamEvidence", evidence.Name);
        var condition = Assert.Single(reporter.CriminalOffenceConditions);
        Assert.Equal(("PreventingOrDetectingUnlawfulActs", "APD-02 Illegal content"), (condition.Condition, condition.PolicyDocument));
        var recipient = Assert.Single(reporter.Recipients);
        Assert.Equal(("National Crime Agency", "PublicAuthority"), (recipient.Name, recipient.Kind));
        Assert.Equal(new[] { (InventorySinkKind.Storage, "DbSet.Add"), (InventorySinkKind.Transfer, "HttpClient.PostAsJsonAsync") }, reporter.Sinks.Select(s => (s.Kind, s.Sink)));

        var stored = reporter.Sinks[0].Retention!;
        Assert.True(stored.IsIndefinite && stored.IsValid);
        Assert.Equal(("CsamEvidence", "Review"), (stored.DeclaredOn, stored.Disposal));
        Assert.StartsWith("Preserved until the National Crime Agency", stored.Justification, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportStore_StoresEachEntityUnderItsOwnRetention()
    {
        var store = Activity(Compliant, "ReportStore");

        Assert.Equal(new[] { "ReportStore.FileAsync", "ReportStore.RecordAsync" }, store.Members);
        var retention = store.Sinks.Select(s => s.Retention!).Select(r => (r.Period, r.Trigger, r.Disposal, r.Reference, r.DeclaredOn));
        Assert.Equal(
            new (string, string, string, string?, string)[] { ("P6M", "CaseClosure", "Delete", "Retention schedule §4", "UserReport"), ("P1Y", "CaseClosure", "Delete", "Retention schedule §5", "ModerationCase") },
            retention);
    }

    [Fact]
    public void AssemblyBasis_CoversEverythingWithoutANearerOne()
    {
        var service = Compliant.Activities[0];

        Assert.Equal(("Contract", "Provide the forum to its members under the terms of service"), (service.Basis.Basis, service.Basis.Purpose));
        Assert.Equal(new[] { "AvatarLookup.FindAsync", "ProfileCache.Remember", "Registration.Register", "SafetyNotices.NotifyParticipants" }, service.Members.OrderBy(m => m, StringComparer.Ordinal));
        Assert.Equal("Avatars Ltd", Assert.Single(service.Recipients).Name);
        Assert.Equal(("P2Y", "AccountClosure"), (service.Retention[0].Period, service.Retention[0].Trigger));
        Assert.EndsWith("Declarations.cs", service.DeclaredAt!.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Mistakes_RecordsEveryDeclaredActivity_EvenOneThatProcessesNothing()
    {
        Assert.Equal(new[] { "AutoModerator", "AvatarLookup", "CsamReporter", "ProfileCache", "Welcome", "ReportStore" }, Mistakes.Activities.Select(a => a.Name));
        var welcome = Activity(Mistakes, "Welcome");
        Assert.Equal(("LegitimateInterests", null), (welcome.Basis.Basis, welcome.Basis.Reference));
        Assert.Empty(welcome.Members);
        Assert.Empty(welcome.Data);
        Assert.Equal("Consent", Activity(Mistakes, "AutoModerator").Basis.Basis);
        Assert.Empty(Activity(Mistakes, "CsamReporter").CriminalOffenceConditions);
        Assert.Empty(Activity(Mistakes, "CsamReporter").Recipients);
    }

    [Fact]
    public void Mistakes_ListsTheProcessingWithoutABasis()
    {
        var undeclared = Mistakes.Undeclared.ToDictionary(u => u.Member, u => u.Sinks.Select(s => (s.Kind, s.Sink)).ToArray());

        Assert.Equal(new[] { "Registration.Confirm", "Registration.Register", "SafetyNotices.NotifyParticipants" }, undeclared.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(new[] { (InventorySinkKind.Log, "ILogger.LogInformation"), (InventorySinkKind.Telemetry, "Activity.SetTag") }, undeclared["Registration.Register"]);
        Assert.Equal(InventorySinkKind.Exception, Assert.Single(undeclared["Registration.Confirm"]).Kind);
        Assert.Equal(InventorySinkKind.Email, Assert.Single(undeclared["SafetyNotices.NotifyParticipants"]).Kind);
        Assert.All(Mistakes.Undeclared, u => Assert.Equal("Member.Email", Assert.Single(u.Data).Name));
    }

    private static ProcessingActivity Activity(InventoryModel model, string name) => Assert.Single(model.Activities, a => a.Name == name);
}
