using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SafePrivacy.Benchmarks;

/// <summary>
/// A generated service codebase of a chosen size: per business domain an entity (some annotated), its requests and
/// summaries, an EF Core repository, a service with logging, caching and a partner HTTP call, an ASP.NET Core
/// controller and a static helper — the shape of an ordinary line-of-business service — plus, in proportion, the shapes
/// that make a non-linear walk blow up (<c>CorpusShapes.cs</c>). Most log calls carry
/// identifiers, counts and statuses; a few percent of bodies put personal data into a log, an exception, storage or
/// an HTTP request. The same seed always gives the same code.
/// </summary>
internal static partial class Corpus
{
    /// <summary>Domains at scale 1: about 41,000 lines (20 domains give about 14,000).</summary>
    public const int DomainsPerScale = 60;

    private static readonly string[] Nouns =
    {
        "Customer", "Order", "Invoice", "Ticket", "Shipment", "Review", "Subscription", "Payment", "Appointment",
        "Message", "Profile", "Device", "Booking", "Claim", "Refund", "Quote", "Lead", "Contract", "Delivery",
        "Account", "Warranty", "Voucher", "Survey", "Feedback", "Enrollment", "Membership", "Donation",
        "Application", "Complaint", "Referral",
    };

    // What personal data each kind of entity holds: property, type, annotation, how the service uses it.
    private static readonly (string Name, string Type, string Annotation, string Default)[][] PersonalShapes =
    {
        new[] { ("ContactEmail", "string", "[PersonalData(DataCategory.Contact)]", " = \"\";"), ("ContactName", "string", "[PersonalData(DataCategory.Name)]", " = \"\";") },
        new[] { ("PhoneNumber", "string", "[PersonalData(DataCategory.Contact)]", " = \"\";"), ("BirthDate", "DateOnly", "[PersonalData(DataCategory.DateOfBirth)]", string.Empty) },
        new[] { ("ClientAddress", "string", "[PersonalData(DataCategory.NetworkAddress)]", " = \"\";"), ("DeviceTag", "string", "[PersonalData(DataCategory.DeviceIdentifier)]", " = \"\";") },
        new[] { ("Comment", "string", "[UserGeneratedContent]", " = \"\";"), ("HealthNote", "string", "[SpecialCategoryData(SpecialCategory.Health)]", " = \"\";") },
    };

    /// <summary>One generated project: its name and its files (path, text).</summary>
    public sealed record Project(string Name, IReadOnlyList<(string Path, string Text)> Files);

    /// <param name="scale">Size, in units of <paramref name="domainsPerScale"/> domains.</param>
    /// <param name="annotated">False: the same code with no SafePrivacy attribute anywhere (sinks, but nothing declared).</param>
    /// <param name="domainsPerScale">Domains per unit of size.</param>
    public static Project Generate(int scale, bool annotated, int domainsPerScale = DomainsPerScale)
    {
        var domains = domainsPerScale * scale;
        var files = new List<(string, string)>();
        var names = new List<string>();
        for (var i = 0; i < domains; i++)
        {
            names.Add(Name(i));
        }

        files.Add(("Infrastructure/AppDbContext.cs", DbContext(names)));
        files.Add(("Infrastructure/Declarations.cs", Declarations(annotated)));
        files.Add(("Infrastructure/Paging.cs", Paging()));
        for (var i = 0; i < domains; i++)
        {
            var domain = new Domain(i, names[i], annotated);
            files.Add(($"Entities/{domain.Name}.cs", Entity(domain)));
            files.Add(($"Data/{domain.Name}Repository.cs", Repository(domain)));
            files.Add(($"Services/{domain.Name}Service.cs", Service(domain)));
            files.Add(($"Controllers/{domain.Name}Controller.cs", Controller(domain)));
            files.Add(($"Services/{domain.Name}Rules.cs", Rules(domain)));
        }

        var label = annotated ? $"corpus {scale}x" : $"corpus {scale}x, no attributes";
        return new Project(label, files);
    }

    private static string Name(int i)
    {
        var noun = Nouns[i % Nouns.Length];
        var round = i / Nouns.Length;
        return round == 0 ? noun : noun + round.ToString(CultureInfo.InvariantCulture);
    }

    private sealed class Domain
    {
        public Domain(int index, string name, bool annotated)
        {
            Index = index;
            Name = name;
            Shape = PersonalShapes[index % PersonalShapes.Length];
            // Two domains in five are annotated: a codebase part-way through adopting SafePrivacy.
            Annotated = annotated && index % 5 < 2;
            UsesAttributes = annotated;
        }

        public int Index { get; }

        public string Name { get; }

        public (string Name, string Type, string Annotation, string Default)[] Shape { get; }

        public bool Annotated { get; }

        public bool UsesAttributes { get; }

        public string Plural => Name + "s";

        public string Lower => char.ToLowerInvariant(Name[0]) + Name.Substring(1);

        public string First => Shape[0].Name;

        public string Second => Shape[1].Name;

        public bool Is(int modulo, int remainder) => Index % modulo == remainder;
    }

    private static string Usings(bool safePrivacy, params string[] extra)
    {
        var builder = new StringBuilder();
        foreach (var name in new[] { "System", "System.Collections.Generic", "System.Linq", "System.Threading", "System.Threading.Tasks" })
        {
            builder.Append("using ").Append(name).Append(";\n");
        }

        foreach (var name in extra)
        {
            builder.Append("using ").Append(name).Append(";\n");
        }

        if (safePrivacy)
        {
            builder.Append("using SafePrivacy;\n");
        }

        return builder.Append('\n').ToString();
    }

    private static string DbContext(List<string> names)
    {
        var builder = new StringBuilder(Usings(false, "Microsoft.EntityFrameworkCore", "Contoso.Service.Entities"));
        builder.Append("namespace Contoso.Service.Infrastructure;\n\n");
        builder.Append("public sealed class AppDbContext : DbContext\n{\n");
        builder.Append("    public AppDbContext(DbContextOptions<AppDbContext> options)\n        : base(options)\n    {\n    }\n\n");
        foreach (var name in names)
        {
            builder.Append("    public DbSet<").Append(name).Append("> ").Append(name).Append("s => Set<").Append(name).Append(">();\n\n");
        }

        builder.Append("    protected override void OnModelCreating(ModelBuilder modelBuilder)\n    {\n");
        foreach (var name in names)
        {
            builder.Append("        modelBuilder.Entity<").Append(name).Append(">(entity =>\n        {\n");
            builder.Append("            entity.HasKey(x => x.Id);\n");
            builder.Append("            entity.Property(x => x.Reference).HasMaxLength(64).IsRequired();\n");
            builder.Append("            entity.HasIndex(x => new { x.Status, x.CreatedAt });\n");
            builder.Append("            entity.OwnsMany(x => x.Lines);\n");
            builder.Append("        });\n");
        }

        builder.Append("    }\n}\n");
        return builder.ToString();
    }

    private static string Declarations(bool annotated)
    {
        var builder = new StringBuilder(Usings(annotated));
        if (annotated)
        {
            builder.Append("[assembly: Retention(\"P2Y\", From = RetentionTrigger.ContractEnd, Then = Disposal.Delete, Reference = \"Records policy 4.2\")]\n\n");
        }

        builder.Append("namespace Contoso.Service.Infrastructure;\n\n");
        builder.Append("public static class ServiceNames\n{\n    public const string Partner = \"https://partner.example/api/\";\n\n    public const string CachePrefix = \"contoso:\";\n}\n");
        return builder.ToString();
    }

    private static string Paging() => Usings(false) + """
        namespace Contoso.Service.Infrastructure;

        public readonly record struct PageRequest(int Page, int Size)
        {
            public int Skip => Math.Max(0, Page) * Clamp(Size);

            public int Take => Clamp(Size);

            private static int Clamp(int size) => size switch
            {
                <= 0 => 20,
                > 200 => 200,
                _ => size,
            };
        }

        public sealed class PagedResult<T>
        {
            public PagedResult(IReadOnlyList<T> items, int total, PageRequest request)
            {
                Items = items;
                Total = total;
                Request = request;
            }

            public IReadOnlyList<T> Items { get; }

            public int Total { get; }

            public PageRequest Request { get; }

            public bool HasMore => Request.Skip + Items.Count < Total;
        }

        """;

    private static string Entity(Domain d)
    {
        var builder = new StringBuilder(Usings(d.Annotated));
        builder.Append("namespace Contoso.Service.Entities;\n\n");
        if (d.Annotated && d.Is(3, 0))
        {
            builder.Append("[Retention(\"P6M\", From = RetentionTrigger.LastActivity, Then = Disposal.Anonymise)]\n");
        }

        builder.Append($"public sealed class {d.Name}\n{{\n");
        builder.Append("    public Guid Id { get; set; }\n\n");
        builder.Append("    public DateTimeOffset CreatedAt { get; set; }\n\n");
        builder.Append("    public DateTimeOffset? UpdatedAt { get; set; }\n\n");
        builder.Append($"    public {d.Name}Status Status {{ get; set; }}\n\n");
        builder.Append("    public string Reference { get; set; } = \"\";\n\n");
        builder.Append("    public decimal Amount { get; set; }\n\n");
        builder.Append("    public int Priority { get; set; }\n\n");
        builder.Append("    public string Region { get; set; } = \"\";\n\n");
        foreach (var (name, type, annotation, initial) in d.Shape)
        {
            builder.Append("    ").Append(d.Annotated ? annotation + " " : string.Empty).Append("public ").Append(type).Append(' ').Append(name).Append(" { get; set; }").Append(initial).Append("\n\n");
        }

        builder.Append($"    public List<{d.Name}Line> Lines {{ get; set; }} = new();\n\n");
        builder.Append("    public bool IsOpen => Status is not (" + d.Name + "Status.Closed or " + d.Name + "Status.Cancelled);\n");
        builder.Append("}\n\n");
        builder.Append($"public enum {d.Name}Status\n{{\n    Draft,\n    Submitted,\n    Active,\n    OnHold,\n    Closed,\n    Cancelled,\n}}\n\n");
        builder.Append($"public sealed class {d.Name}Line\n{{\n    public int Number {{ get; set; }}\n\n    public string Sku {{ get; set; }} = \"\";\n\n    public int Quantity {{ get; set; }}\n\n    public decimal UnitPrice {{ get; set; }}\n\n    public decimal Total => Quantity * UnitPrice;\n}}\n\n");
        builder.Append($"public sealed record {d.Name}Summary(Guid Id, string Reference, {d.Name}Status Status, decimal Amount, DateTimeOffset CreatedAt);\n\n");
        var second = d.Shape[1];
        builder.Append($"public sealed record Create{d.Name}Request(string Reference, decimal Amount, string Region, string {d.First}, {second.Type} {second.Name});\n\n");
        builder.Append($"public sealed record Update{d.Name}Request(decimal? Amount, int? Priority, {d.Name}Status? Status);\n");
        builder.Append(EntityShapes(d));
        return builder.ToString();
    }

    private static string Repository(Domain d)
    {
        var builder = new StringBuilder(Usings(false, "Microsoft.EntityFrameworkCore", "Microsoft.Extensions.Logging", "Contoso.Service.Entities", "Contoso.Service.Infrastructure"));
        builder.Append("namespace Contoso.Service.Data;\n\n");
        builder.Append($$"""
            public sealed class {{d.Name}}Repository
            {
                private readonly AppDbContext _db;
                private readonly ILogger<{{d.Name}}Repository> _logger;

                public {{d.Name}}Repository(AppDbContext db, ILogger<{{d.Name}}Repository> logger)
                {
                    _db = db;
                    _logger = logger;
                }

                public Task<{{d.Name}}?> FindAsync(Guid id, CancellationToken cancellationToken) =>
                    _db.{{d.Plural}}.Include(x => x.Lines).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);

                public async Task<PagedResult<{{d.Name}}Summary>> ListAsync({{d.Name}}Status? status, string? region, PageRequest page, CancellationToken cancellationToken)
                {
                    var query = _db.{{d.Plural}}.AsNoTracking();
                    if (status is { } wanted)
                    {
                        query = query.Where(x => x.Status == wanted);
                    }

                    if (!string.IsNullOrEmpty(region))
                    {
                        query = query.Where(x => x.Region == region);
                    }

                    var total = await query.CountAsync(cancellationToken);
                    var items = await query
                        .OrderByDescending(x => x.CreatedAt)
                        .ThenBy(x => x.Reference)
                        .Skip(page.Skip)
                        .Take(page.Take)
                        .Select(x => new {{d.Name}}Summary(x.Id, x.Reference, x.Status, x.Amount, x.CreatedAt))
                        .ToListAsync(cancellationToken);
                    _logger.LogDebug("Listed {Count} of {Total} {Kind} for page {Page}", items.Count, total, nameof({{d.Name}}), page.Page);
                    return new PagedResult<{{d.Name}}Summary>(items, total, page);
                }

                public async Task AddAsync({{d.Name}} entity, CancellationToken cancellationToken)
                {
                    _db.{{d.Plural}}.Add(entity);
                    await _db.SaveChangesAsync(cancellationToken);
                    _logger.LogDebug("Stored {Kind} {Id} with status {Status}", nameof({{d.Name}}), entity.Id, entity.Status);
                }

                public async Task<bool> UpdateStatusAsync(Guid id, {{d.Name}}Status status, CancellationToken cancellationToken)
                {
                    var entity = await _db.{{d.Plural}}.FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
                    if (entity is null)
                    {
                        _logger.LogWarning("No {Kind} {Id} to update", nameof({{d.Name}}), id);
                        return false;
                    }

                    entity.Status = status;
                    entity.UpdatedAt = DateTimeOffset.UtcNow;
                    await _db.SaveChangesAsync(cancellationToken);
                    return true;
                }

                public async Task<int> CloseStaleAsync(DateTimeOffset before, CancellationToken cancellationToken)
                {
                    var stale = await _db.{{d.Plural}}
                        .Where(x => x.CreatedAt < before && x.Status != {{d.Name}}Status.Closed && x.Status != {{d.Name}}Status.Cancelled)
                        .ToListAsync(cancellationToken);
                    foreach (var item in stale)
                    {
                        item.Status = {{d.Name}}Status.Closed;
                        item.UpdatedAt = DateTimeOffset.UtcNow;
                    }

                    await _db.SaveChangesAsync(cancellationToken);
                    _logger.LogInformation("Closed {Count} stale {Kind} created before {Before}", stale.Count, nameof({{d.Name}}), before);
                    return stale.Count;
                }

                public async Task<decimal> TotalForRegionAsync(string region, CancellationToken cancellationToken) =>
                    await _db.{{d.Plural}}.Where(x => x.Region == region && x.Status == {{d.Name}}Status.Active).SumAsync(x => x.Amount, cancellationToken);

            """);
        builder.Append(SearchQuery(d));
        builder.Append("}\n");
        return builder.ToString();
    }

    private static string Service(Domain d)
    {
        var builder = new StringBuilder(Usings(
            d.Annotated,
            "System.Globalization",
            "System.Net.Http",
            "System.Net.Http.Json",
            "System.Text",
            "System.Text.Json",
            "Microsoft.Extensions.Caching.Distributed",
            "Microsoft.Extensions.Logging",
            "Contoso.Service.Data",
            "Contoso.Service.Entities",
            "Contoso.Service.Infrastructure"));
        builder.Append("namespace Contoso.Service.Services;\n\n");
        if (d.Annotated && d.Is(2, 0))
        {
            builder.Append($"[LawfulBasis(LawfulBasis.Contract, Purpose = \"Manage {d.Lower} records for customers\")]\n");
        }

        if (d.Annotated && d.Is(4, 0))
        {
            builder.Append("[Recipient(\"Partner network\", Kind = RecipientKind.Processor, Reference = \"DPA 2024-07\")]\n");
        }

        var second = d.Shape[1];
        builder.Append($$"""
            public sealed class {{d.Name}}Service
            {
                private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

                private readonly {{d.Name}}Repository _repository;
                private readonly ILogger<{{d.Name}}Service> _logger;
                private readonly HttpClient _http;
                private readonly IDistributedCache _cache;

                public {{d.Name}}Service({{d.Name}}Repository repository, ILogger<{{d.Name}}Service> logger, HttpClient http, IDistributedCache cache)
                {
                    _repository = repository;
                    _logger = logger;
                    _http = http;
                    _cache = cache;
                }

                public async Task<{{d.Name}}> CreateAsync(Create{{d.Name}}Request request, CancellationToken cancellationToken)
                {
                    var problems = {{d.Name}}Rules.Validate(request);
                    if (problems.Count > 0)
                    {
                        _logger.LogWarning("Rejected {Kind} {Reference}: {Problems}", nameof({{d.Name}}), request.Reference, string.Join("; ", problems));
                        throw new ArgumentException($"Invalid request: {problems.Count} problem(s)", nameof(request));
                    }

                    var entity = new {{d.Name}}
                    {
                        Id = Guid.NewGuid(),
                        CreatedAt = DateTimeOffset.UtcNow,
                        Reference = {{d.Name}}Rules.NormaliseReference(request.Reference),
                        Amount = Math.Round(request.Amount, 2, MidpointRounding.ToEven),
                        Region = request.Region.Trim().ToUpperInvariant(),
                        {{d.First}} = request.{{d.First}},
                        {{second.Name}} = request.{{second.Name}},
                        Status = {{d.Name}}Status.Draft,
                    };
                    await _repository.AddAsync(entity, cancellationToken);
                    _logger.LogInformation("Created {Kind} {Id} in {Region} for {Amount}", nameof({{d.Name}}), entity.Id, entity.Region, entity.Amount);
                    return entity;
                }

                public async Task<{{d.Name}}Summary?> GetSummaryAsync(Guid id, CancellationToken cancellationToken)
                {
                    var key = ServiceNames.CachePrefix + "{{d.Lower}}:" + id.ToString("N");
                    var cached = await _cache.GetStringAsync(key, cancellationToken);
                    if (cached is not null)
                    {
                        return JsonSerializer.Deserialize<{{d.Name}}Summary>(cached, Json);
                    }

                    var entity = await _repository.FindAsync(id, cancellationToken);
                    if (entity is null)
                    {
                        return null;
                    }

                    var summary = new {{d.Name}}Summary(entity.Id, entity.Reference, entity.Status, {{d.Name}}Rules.Total(entity), entity.CreatedAt);
                    await _cache.SetStringAsync(
                        key,
                        JsonSerializer.Serialize(summary, Json),
                        new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5) },
                        cancellationToken);
                    return summary;
                }

                public async Task<bool> ApplyAsync(Guid id, Update{{d.Name}}Request request, CancellationToken cancellationToken)
                {
                    var entity = await _repository.FindAsync(id, cancellationToken);
                    if (entity is null)
                    {
                        return false;
                    }

                    if (request.Status is { } status && !{{d.Name}}Rules.CanMove(entity.Status, status))
                    {
                        _logger.LogWarning("Refused to move {Kind} {Id} from {From} to {To}", nameof({{d.Name}}), id, entity.Status, status);
                        return false;
                    }

                    var changed = await _repository.UpdateStatusAsync(id, request.Status ?? entity.Status, cancellationToken);
                    _logger.LogInformation("Applied update to {Kind} {Id}: {Changed}", nameof({{d.Name}}), id, changed);
                    return changed;
                }

                public async Task NotifyPartnerAsync({{d.Name}} entity, CancellationToken cancellationToken)
                {
                    var payload = new { entity.Id, entity.Reference, entity.Status, Total = {{d.Name}}Rules.Total(entity) };
                    using var response = await _http.PostAsJsonAsync(ServiceNames.Partner + "{{d.Lower}}", payload, cancellationToken);
                    if (!response.IsSuccessStatusCode)
                    {
                        _logger.LogWarning("Partner rejected {Kind} {Id} with {StatusCode}", nameof({{d.Name}}), entity.Id, (int)response.StatusCode);
                    }
                }

                public string Describe({{d.Name}} entity)
                {
                    var text = new StringBuilder();
                    text.Append(entity.Reference).Append(" (").Append({{d.Name}}Rules.Label(entity.Status)).Append(')');
                    foreach (var line in entity.Lines.OrderBy(l => l.Number))
                    {
                        text.Append(", ").Append(line.Quantity).Append(" x ").Append(line.Sku);
                    }

                    return text.ToString();
                }

            """);

        // The few bodies where personal data meets a sink, in some domains: a log, an exception, a partner call, a cache.
        var firstIsText = d.Shape[0].Type == "string";
        if (d.Is(6, 1))
        {
            builder.Append($$"""
                    public void RecordContactChange({{d.Name}} entity, string previous)
                    {
                        _logger.LogInformation("Contact for {Id} changed from {Previous} to {Current}", entity.Id, previous, entity.{{d.First}});
                    }

                """);
        }

        if (d.Is(9, 4))
        {
            builder.Append($$"""
                    public void EnsureUnique({{d.Name}} entity, IReadOnlyCollection<{{d.Name}}> existing)
                    {
                        if (existing.Any(x => x.{{d.First}} == entity.{{d.First}} && x.Id != entity.Id))
                        {
                            throw new InvalidOperationException($"Another {{d.Lower}} already uses {entity.{{d.First}}}");
                        }
                    }

                """);
        }

        if (d.Is(11, 7))
        {
            builder.Append($$"""
                    public async Task ExportAsync({{d.Name}} entity, CancellationToken cancellationToken)
                    {
                        using var response = await _http.PostAsJsonAsync(ServiceNames.Partner + "export/{{d.Lower}}", entity, cancellationToken);
                        response.EnsureSuccessStatusCode();
                    }

                """);
        }

        if (d.Is(13, 5) && firstIsText)
        {
            builder.Append($$"""
                    public async Task RememberContactAsync({{d.Name}} entity, CancellationToken cancellationToken)
                    {
                        var contact = entity.{{d.First}}.Trim();
                        await _cache.SetStringAsync(ServiceNames.CachePrefix + "contact:" + entity.Id.ToString("N"), contact, cancellationToken);
                    }

                """);
        }

        builder.Append(ServiceShapes(d));
        builder.Append("}\n");
        return builder.ToString();
    }

    private static string Controller(Domain d) =>
        Usings(false, "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Microsoft.Extensions.Logging", "Contoso.Service.Entities", "Contoso.Service.Infrastructure", "Contoso.Service.Services", "Contoso.Service.Data")
        + $$"""
        namespace Contoso.Service.Controllers;

        [ApiController]
        [Route("api/{{d.Lower}}s")]
        public sealed class {{d.Name}}Controller : ControllerBase
        {
            private readonly {{d.Name}}Service _service;
            private readonly {{d.Name}}Repository _repository;
            private readonly ILogger<{{d.Name}}Controller> _logger;

            public {{d.Name}}Controller({{d.Name}}Service service, {{d.Name}}Repository repository, ILogger<{{d.Name}}Controller> logger)
            {
                _service = service;
                _repository = repository;
                _logger = logger;
            }

            [HttpGet("{id:guid}")]
            [ProducesResponseType(StatusCodes.Status200OK)]
            [ProducesResponseType(StatusCodes.Status404NotFound)]
            public async Task<ActionResult<{{d.Name}}Summary>> Get(Guid id, CancellationToken cancellationToken)
            {
                var summary = await _service.GetSummaryAsync(id, cancellationToken);
                if (summary is null)
                {
                    _logger.LogDebug("{Kind} {Id} not found", nameof({{d.Name}}), id);
                    return NotFound();
                }

                return Ok(summary);
            }

            [HttpGet]
            public async Task<ActionResult<PagedResult<{{d.Name}}Summary>>> List([FromQuery] {{d.Name}}Status? status, [FromQuery] string? region, [FromQuery] int page = 0, [FromQuery] int size = 20, CancellationToken cancellationToken = default)
            {
                var result = await _repository.ListAsync(status, region, new PageRequest(page, size), cancellationToken);
                Response.Headers["X-Total-Count"] = result.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Ok(result);
            }

            [HttpPost]
            public async Task<ActionResult<{{d.Name}}Summary>> Create([FromBody] Create{{d.Name}}Request request, CancellationToken cancellationToken)
            {
                try
                {
                    var entity = await _service.CreateAsync(request, cancellationToken);
                    return CreatedAtAction(nameof(Get), new { id = entity.Id }, new {{d.Name}}Summary(entity.Id, entity.Reference, entity.Status, entity.Amount, entity.CreatedAt));
                }
                catch (ArgumentException exception)
                {
                    _logger.LogInformation(exception, "Bad {Kind} request {Reference}", nameof({{d.Name}}), request.Reference);
                    return ValidationProblem(exception.Message);
                }
            }

            [HttpPatch("{id:guid}")]
            public async Task<IActionResult> Update(Guid id, [FromBody] Update{{d.Name}}Request request, CancellationToken cancellationToken)
            {
                var applied = await _service.ApplyAsync(id, request, cancellationToken);
                return applied ? NoContent() : Conflict();
            }

            [HttpPost("{id:guid}/notify")]
            public async Task<IActionResult> Notify(Guid id, CancellationToken cancellationToken)
            {
                var entity = await _repository.FindAsync(id, cancellationToken);
                if (entity is null)
                {
                    return NotFound();
                }

                await _service.NotifyPartnerAsync(entity, cancellationToken);
                _logger.LogInformation("Notified partner about {Kind} {Id}", nameof({{d.Name}}), id);
                return Accepted();
            }
        }

        """;

    private static string Rules(Domain d) =>
        Usings(false, "System.Globalization", "System.Text", "Contoso.Service.Entities")
        + $$"""
        namespace Contoso.Service.Services;

        public static class {{d.Name}}Rules
        {
            private static readonly {{d.Name}}Status[][] Moves =
            {
                new[] { {{d.Name}}Status.Submitted, {{d.Name}}Status.Cancelled },
                new[] { {{d.Name}}Status.Active, {{d.Name}}Status.OnHold, {{d.Name}}Status.Cancelled },
                new[] { {{d.Name}}Status.OnHold, {{d.Name}}Status.Closed },
                new[] { {{d.Name}}Status.Active, {{d.Name}}Status.Cancelled },
                Array.Empty<{{d.Name}}Status>(),
                Array.Empty<{{d.Name}}Status>(),
            };

            public static List<string> Validate(Create{{d.Name}}Request request)
            {
                var problems = new List<string>();
                if (string.IsNullOrWhiteSpace(request.Reference))
                {
                    problems.Add("reference is required");
                }
                else if (request.Reference.Length > 64)
                {
                    problems.Add("reference is longer than 64 characters");
                }

                if (request.Amount < 0 || request.Amount > 1_000_000m)
                {
                    problems.Add(string.Format(CultureInfo.InvariantCulture, "amount {0} is out of range", request.Amount));
                }

                if (request.Region.Length is < 2 or > 8)
                {
                    problems.Add("region must be 2 to 8 characters");
                }

                return problems;
            }

            public static string NormaliseReference(string reference)
            {
                var builder = new StringBuilder(reference.Length);
                foreach (var c in reference.Trim())
                {
                    if (char.IsLetterOrDigit(c) || c == '-')
                    {
                        builder.Append(char.ToUpperInvariant(c));
                    }
                }

                return builder.Length == 0 ? "{{d.Name.ToUpperInvariant()}}-" + {{d.Index}} : builder.ToString();
            }

            public static bool CanMove({{d.Name}}Status from, {{d.Name}}Status to) =>
                (int)from < Moves.Length && Array.IndexOf(Moves[(int)from], to) >= 0;

            public static decimal Total({{d.Name}} entity)
            {
                decimal total = 0;
                for (var i = 0; i < entity.Lines.Count; i++)
                {
                    var line = entity.Lines[i];
                    if (line.Quantity <= 0)
                    {
                        continue;
                    }

                    total += line.Total;
                }

                return entity.Lines.Count == 0 ? entity.Amount : total;
            }

            public static string Label({{d.Name}}Status status) => status switch
            {
                {{d.Name}}Status.Draft => "draft",
                {{d.Name}}Status.Submitted => "submitted",
                {{d.Name}}Status.Active => "active",
                {{d.Name}}Status.OnHold => "on hold",
                {{d.Name}}Status.Closed => "closed",
                {{d.Name}}Status.Cancelled => "cancelled",
                _ => status.ToString(),
            };

            public static int Score({{d.Name}} entity, DateTimeOffset now)
            {
                var age = now - entity.CreatedAt;
                var score = entity.Priority * 10;
                score += age.TotalDays switch
                {
                    > 30 => 50,
                    > 7 => 20,
                    > 1 => 5,
                    _ => 0,
                };
                if (entity.Amount > 10_000m)
                {
                    score += 25;
                }

                return entity.IsOpen ? score : 0;
            }

        """
        + HelperChain(d)
        + "}\n";
}
