using System;
using System.Collections.Immutable;
using System.Linq;

namespace SafePrivacy.Analyzers.Inventory;

/// <summary>
/// The record of processing activities of one compilation (UK GDPR Art 30), built from its SafePrivacy annotations
/// and the flows the analyzers follow: every activity that declares a lawful basis, and the processing that has none.
/// Renderers (the <c>safeprivacy inventory</c> command) only present it.
/// </summary>
public sealed class InventoryModel
{
    internal InventoryModel(
        string assemblyName,
        bool usesSafePrivacy,
        ImmutableArray<ProcessingActivity> activities,
        ImmutableArray<UndeclaredProcessing> undeclared)
    {
        AssemblyName = assemblyName;
        UsesSafePrivacy = usesSafePrivacy;
        Activities = activities;
        Undeclared = undeclared;
    }

    /// <summary>The compilation's assembly name: the system the record describes.</summary>
    public string AssemblyName { get; }

    /// <summary>
    /// Whether the compilation can declare personal data at all (SafePrivacy's attributes, Identity's, a Compliance
    /// classification or external annotations). When false the record is empty because nothing was looked for.
    /// </summary>
    public bool UsesSafePrivacy { get; }

    /// <summary>Each declared activity, the assembly's first, then in source order.</summary>
    public ImmutableArray<ProcessingActivity> Activities { get; }

    /// <summary>Members whose personal data reaches a sink with no lawful basis in scope, in source order.</summary>
    public ImmutableArray<UndeclaredProcessing> Undeclared { get; }
}

/// <summary>Where a declaration or an activity is declared.</summary>
public enum ActivityScope
{
    /// <summary>An <c>[assembly: LawfulBasis(...)]</c>: the default for everything without a nearer basis.</summary>
    Assembly,

    /// <summary>A class, struct, record or interface.</summary>
    Type,

    /// <summary>A method, constructor or property.</summary>
    Member,
}

/// <summary>One processing activity: a member, type or assembly that declares a <c>[LawfulBasis]</c>.</summary>
public sealed class ProcessingActivity
{
    internal ProcessingActivity(
        string name,
        string documentationId,
        ActivityScope scope,
        SourceSpot? declaredAt,
        LawfulBasisDeclaration basis,
        bool isModerationPipeline,
        ImmutableArray<string> members,
        ImmutableArray<DataItem> data,
        ImmutableArray<ConditionDeclaration> specialCategoryConditions,
        ImmutableArray<ConditionDeclaration> criminalOffenceConditions,
        ImmutableArray<RetentionDeclaration> retention,
        ImmutableArray<RecipientDeclaration> recipients,
        ImmutableArray<SinkFlow> sinks)
    {
        Name = name;
        DocumentationId = documentationId;
        Scope = scope;
        DeclaredAt = declaredAt;
        Basis = basis;
        IsModerationPipeline = isModerationPipeline;
        Members = members;
        Data = data;
        SpecialCategoryConditions = specialCategoryConditions;
        CriminalOffenceConditions = criminalOffenceConditions;
        Retention = retention;
        Recipients = recipients;
        Sinks = sinks;
    }

    /// <summary>How people know it: 'AutoModerator', 'ReportStore.FileAsync', or the assembly's name.</summary>
    public string Name { get; }

    /// <summary>A stable key: the documentation-comment ID ('T:Forum.AutoModerator'), or 'A:' and the assembly name.</summary>
    public string DocumentationId { get; }

    public ActivityScope Scope { get; }

    /// <summary>Where the <c>[LawfulBasis]</c> is written.</summary>
    public SourceSpot? DeclaredAt { get; }

    public LawfulBasisDeclaration Basis { get; }

    /// <summary>The activity is, or is inside, a <c>[ModerationPipeline]</c>.</summary>
    public bool IsModerationPipeline { get; }

    /// <summary>The members whose processing this basis covers (their nearest basis is this one), in source order.</summary>
    public ImmutableArray<string> Members { get; }

    /// <summary>The personal data those members read or send to a sink, by name.</summary>
    public ImmutableArray<DataItem> Data { get; }

    /// <summary>The Art 9 conditions in scope of the activity's members.</summary>
    public ImmutableArray<ConditionDeclaration> SpecialCategoryConditions { get; }

    /// <summary>The Art 10 / DPA 2018 s.10(5) conditions in scope of the activity's members.</summary>
    public ImmutableArray<ConditionDeclaration> CriminalOffenceConditions { get; }

    /// <summary>The retention in scope of the activity, and the retention governing each store it makes.</summary>
    public ImmutableArray<RetentionDeclaration> Retention { get; }

    /// <summary>The recipients declared in scope of the activity's members.</summary>
    public ImmutableArray<RecipientDeclaration> Recipients { get; }

    /// <summary>The vendors its sinks send data to (<see cref="SinkFlow.Party"/>), declared as recipients or not, in order of first use.</summary>
    public ImmutableArray<string> Parties => Sinks.Select(s => s.Party).OfType<string>().Distinct().ToImmutableArray();

    /// <summary>Where its data goes: each log, telemetry, storage, transfer … call its members make, in source order.</summary>
    public ImmutableArray<SinkFlow> Sinks { get; }
}

/// <summary>A member whose personal data reaches sinks with no <c>[LawfulBasis]</c> in scope.</summary>
public sealed class UndeclaredProcessing
{
    internal UndeclaredProcessing(string member, string documentationId, ImmutableArray<DataItem> data, ImmutableArray<SinkFlow> sinks)
    {
        Member = member;
        DocumentationId = documentationId;
        Data = data;
        Sinks = sinks;
    }

    /// <summary>'Registration.Register'.</summary>
    public string Member { get; }

    public string DocumentationId { get; }

    public ImmutableArray<DataItem> Data { get; }

    public ImmutableArray<SinkFlow> Sinks { get; }

    /// <summary>The vendors its sinks send data to (<see cref="SinkFlow.Party"/>), in order of first use.</summary>
    public ImmutableArray<string> Parties => Sinks.Select(s => s.Party).OfType<string>().Distinct().ToImmutableArray();
}

/// <summary>What kinds of data a piece of personal data is. Flags combine.</summary>
[Flags]
public enum PersonalDataKinds
{
    /// <summary>Not personal data.</summary>
    None = 0,

    /// <summary>Personal data (UK GDPR Art 4(1)). Every other kind implies it.</summary>
    Personal = 1,

    /// <summary>Special category data (Art 9).</summary>
    SpecialCategory = 2,

    /// <summary>Criminal offence data (Art 10).</summary>
    CriminalOffence = 4,

    /// <summary>Content users author: may disclose special category data.</summary>
    UserGeneratedContent = 8,

    /// <summary>A pseudonymous identifier: still personal data, no longer content or special category data.</summary>
    Pseudonymous = 16,
}

/// <summary>One annotated piece of personal data: a member, parameter, return value or type.</summary>
public sealed class DataItem : IEquatable<DataItem>
{
    internal DataItem(string name, string documentationId, PersonalDataKinds kinds, string? category, string? specialCategory, bool inferred, string description)
    {
        Name = name;
        DocumentationId = documentationId;
        Kinds = kinds;
        Category = category;
        SpecialCategory = specialCategory;
        Inferred = inferred;
        Description = description;
    }

    /// <summary>'Post.Body', 'Registration.Register(email)', 'ISelfHarmModel.Risk()', 'CsamEvidence'.</summary>
    public string Name { get; }

    /// <summary>The annotated symbol's documentation-comment ID (for a parameter, its method's, then '#' and the name).</summary>
    public string DocumentationId { get; }

    public PersonalDataKinds Kinds { get; }

    /// <summary>The <c>SafePrivacy.DataCategory</c> its annotation names ('Contact'), or null when unstated.</summary>
    public string? Category { get; }

    /// <summary>The <c>SafePrivacy.SpecialCategory</c> ('Health'), or null.</summary>
    public string? SpecialCategory { get; }

    /// <summary>The data is inferred (a classifier's output), not provided or observed.</summary>
    public bool Inferred { get; }

    /// <summary>How diagnostics describe it: 'contact details', 'inferred special category data: health'.</summary>
    public string Description { get; }

    public bool IsSpecialCategory => (Kinds & PersonalDataKinds.SpecialCategory) != 0 && (Kinds & PersonalDataKinds.Pseudonymous) == 0;

    public bool IsCriminalOffence => (Kinds & PersonalDataKinds.CriminalOffence) != 0;

    public bool Equals(DataItem? other) => other is not null && DocumentationId == other.DocumentationId && Kinds == other.Kinds;

    public override bool Equals(object? obj) => Equals(obj as DataItem);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(DocumentationId) ^ (int)Kinds;
}

/// <summary>Where personal data goes. Mirrors the engine's sink kinds.</summary>
public enum InventorySinkKind
{
    /// <summary>A log: logging frameworks, console, debug and trace output.</summary>
    Log,

    /// <summary>The message or data of an exception.</summary>
    Exception,

    /// <summary>Tracing and metrics.</summary>
    Telemetry,

    /// <summary>A database, file, cache, session or cookie.</summary>
    Storage,

    /// <summary>Another party: an HTTP request, an external transfer.</summary>
    Transfer,

    /// <summary>A URL.</summary>
    Url,

    /// <summary>A content-moderation classifier.</summary>
    Classifier,

    /// <summary>The visible recipients of an email.</summary>
    Email,
}

/// <summary>Personal data reaching one sink from one member.</summary>
public sealed class SinkFlow
{
    internal SinkFlow(
        InventorySinkKind kind,
        string sink,
        string member,
        SourceSpot? location,
        ImmutableArray<DataItem> data,
        ImmutableArray<string> via,
        RetentionDeclaration? retention,
        bool leavesTheService,
        string? party = null)
    {
        LeavesTheService = leavesTheService;
        Party = party;
        Kind = kind;
        Sink = sink;
        Member = member;
        Location = location;
        Data = data;
        Via = via;
        Retention = retention;
    }

    public InventorySinkKind Kind { get; }

    /// <summary>The sink as diagnostics name it: 'ILogger.LogInformation', 'DbSet.Add'.</summary>
    public string Sink { get; }

    /// <summary>The member whose code sends the data: 'ReportStore.FileAsync'.</summary>
    public string Member { get; }

    /// <summary>Where the data enters the sink (or the helper that leads to it).</summary>
    public SourceSpot? Location { get; }

    public ImmutableArray<DataItem> Data { get; }

    /// <summary>Helpers of the compilation the data passes through, outermost first.</summary>
    public ImmutableArray<string> Via { get; }

    /// <summary>For storage: the <c>[Retention]</c> that governs what is stored, if any.</summary>
    public RetentionDeclaration? Retention { get; }

    /// <summary>
    /// The data goes to another party: a transfer, a URL, or a classifier implemented outside the compilation (a
    /// vendor's SDK) — the flows SP4001 asks a <c>[Recipient]</c> for.
    /// </summary>
    public bool LeavesTheService { get; }

    /// <summary>
    /// The organisation a vendor's SDK sends the data to ('Sentry', 'Twilio', 'OpenAI or Azure OpenAI'), whether or not
    /// a <c>[Recipient]</c> declares it; null where the sink names no party (an HTTP request goes wherever its URL says).
    /// </summary>
    public string? Party { get; }
}

/// <summary>A <c>[LawfulBasis]</c>.</summary>
public sealed class LawfulBasisDeclaration
{
    internal LawfulBasisDeclaration(string basis, string? purpose, string? reference, string declaredOn)
    {
        Basis = basis;
        Purpose = purpose;
        Reference = reference;
        DeclaredOn = declaredOn;
    }

    /// <summary>The <c>SafePrivacy.LawfulBasis</c> member name: 'LegalObligation'.</summary>
    public string Basis { get; }

    public string? Purpose { get; }

    /// <summary>The statute, assessment or Annex 1 condition.</summary>
    public string? Reference { get; }

    public string DeclaredOn { get; }
}

/// <summary>A <c>[SpecialCategoryCondition]</c> or <c>[CriminalOffenceCondition]</c>.</summary>
public sealed class ConditionDeclaration : IEquatable<ConditionDeclaration>
{
    internal ConditionDeclaration(string condition, string? schedule1, string? policyDocument, string declaredOn)
    {
        Condition = condition;
        Schedule1 = schedule1;
        PolicyDocument = policyDocument;
        DeclaredOn = declaredOn;
    }

    /// <summary>The <c>SafePrivacy.Article9Condition</c> member, or for a criminal offence condition its <c>Schedule1Condition</c>.</summary>
    public string Condition { get; }

    /// <summary>The DPA 2018 Schedule 1 condition of an Art 9 condition, or null.</summary>
    public string? Schedule1 { get; }

    /// <summary>The appropriate policy document.</summary>
    public string? PolicyDocument { get; }

    public string DeclaredOn { get; }

    public bool Equals(ConditionDeclaration? other) =>
        other is not null && Condition == other.Condition && Schedule1 == other.Schedule1 && PolicyDocument == other.PolicyDocument && DeclaredOn == other.DeclaredOn;

    public override bool Equals(object? obj) => Equals(obj as ConditionDeclaration);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Condition + "|" + DeclaredOn);
}

/// <summary>A <c>[Retention]</c>.</summary>
public sealed class RetentionDeclaration : IEquatable<RetentionDeclaration>
{
    internal RetentionDeclaration(string period, bool isIndefinite, bool isValid, string trigger, string disposal, string? reference, string? justification, string declaredOn)
    {
        Period = period;
        IsIndefinite = isIndefinite;
        IsValid = isValid;
        Trigger = trigger;
        Disposal = disposal;
        Reference = reference;
        Justification = justification;
        DeclaredOn = declaredOn;
    }

    /// <summary>The ISO 8601 duration as written, or 'Indefinite'.</summary>
    public string Period { get; }

    public bool IsIndefinite { get; }

    /// <summary>Whether SP1004 accepts it: a valid duration, or indefinite with a justification.</summary>
    public bool IsValid { get; }

    /// <summary>The <c>RetentionTrigger</c> the period counts from: 'CaseClosure'.</summary>
    public string Trigger { get; }

    /// <summary>What happens at the end: the <c>Disposal</c> member, 'Delete'.</summary>
    public string Disposal { get; }

    public string? Reference { get; }

    public string? Justification { get; }

    public string DeclaredOn { get; }

    public bool Equals(RetentionDeclaration? other) =>
        other is not null && Period == other.Period && Trigger == other.Trigger && Disposal == other.Disposal && Reference == other.Reference && DeclaredOn == other.DeclaredOn;

    public override bool Equals(object? obj) => Equals(obj as RetentionDeclaration);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Period + "|" + DeclaredOn);
}

/// <summary>A <c>[Recipient]</c>.</summary>
public sealed class RecipientDeclaration : IEquatable<RecipientDeclaration>
{
    internal RecipientDeclaration(string name, string kind, string? reference, string declaredOn)
    {
        Name = name;
        Kind = kind;
        Reference = reference;
        DeclaredOn = declaredOn;
    }

    public string Name { get; }

    /// <summary>The <c>RecipientKind</c>: 'Processor', 'Controller', 'PublicAuthority'.</summary>
    public string Kind { get; }

    public string? Reference { get; }

    public string DeclaredOn { get; }

    public bool Equals(RecipientDeclaration? other) =>
        other is not null && Name == other.Name && Kind == other.Kind && Reference == other.Reference && DeclaredOn == other.DeclaredOn;

    public override bool Equals(object? obj) => Equals(obj as RecipientDeclaration);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name + "|" + DeclaredOn);
}

/// <summary>A place in a source file: the file's path as the compilation has it, and a 1-based line and column.</summary>
public sealed class SourceSpot
{
    internal SourceSpot(string path, int line, int column)
    {
        Path = path;
        Line = line;
        Column = column;
    }

    public string Path { get; }

    public int Line { get; }

    public int Column { get; }
}
