using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SafePrivacy.Benchmarks;

/// <summary>
/// The shapes of service code that make a per-body analysis blow up when it is not linear (issue 15), generated in
/// proportion to the corpus so the growth table shows them: a repository search that narrows one query through many
/// <c>query = query.Where(...)</c> reassignments and lambdas (every domain); a chain of nine helpers a personal value
/// passes through before it is logged (every third domain); a switch of forty cases that builds a log message (every
/// fourth); a forty-entry dictionary initialiser sent to a partner (every fourth, offset).
/// </summary>
internal static partial class Corpus
{
    private static readonly string[] EventKinds =
    {
        "Created", "Submitted", "Approved", "Rejected", "Escalated", "Assigned", "Reassigned", "Commented", "Attached", "Detached",
        "Priced", "Repriced", "Discounted", "Invoiced", "Paid", "Refunded", "Disputed", "Resolved", "Reopened", "Suspended",
        "Resumed", "Archived", "Restored", "Exported", "Imported", "Merged", "Split", "Renamed", "Tagged", "Untagged",
        "Scheduled", "Rescheduled", "Reminded", "Expired", "Renewed", "Cancelled", "Closed", "Audited", "Flagged", "Cleared",
    };

    private static readonly string[] PayloadFields =
    {
        "createdAt", "updatedAt", "status", "amount", "priority", "region", "open", "lineCount", "total", "label",
        "score", "firstSku", "lastSku", "quantity", "maxUnitPrice", "minUnitPrice", "channel", "currency", "source", "version",
    };

    private static bool HasHelperChain(Domain d) => d.Is(3, 1);

    private static bool HasEventSwitch(Domain d) => d.Is(4, 2);

    private static bool HasBigInitialiser(Domain d) => d.Is(4, 0);

    // The search filter of every domain (its contact field is personal data where the domain is annotated) and the event kinds.
    private static string EntityShapes(Domain d)
    {
        var contact = d.Annotated ? d.Shape[0].Annotation.Replace("[", "[property: ", StringComparison.Ordinal) + " " : string.Empty;
        var builder = new StringBuilder("\n");
        builder.Append($"public sealed record {d.Name}SearchFilter(\n    string? Reference,\n    string? Region,\n    {d.Name}Status? Status,\n    decimal? MinAmount,\n    decimal? MaxAmount,\n");
        builder.Append("    int? MinPriority,\n    DateTimeOffset? CreatedFrom,\n    DateTimeOffset? CreatedTo,\n    DateTimeOffset? UpdatedSince,\n");
        builder.Append($"    {contact}string? {d.First},\n    bool OpenOnly,\n    string? Sku,\n    int? MinLines,\n    string? Text,\n    string? SortBy,\n    bool Descending);\n");
        if (HasEventSwitch(d))
        {
            builder.Append($"\npublic enum {d.Name}EventKind\n{{\n");
            foreach (var kind in EventKinds)
            {
                builder.Append("    ").Append(kind).Append(",\n");
            }

            builder.Append("}\n");
        }

        return builder.ToString();
    }

    // One query narrowed by every filter the request may carry: a dozen reassignments, each with a lambda.
    private static string SearchQuery(Domain d)
    {
        var logsContact = d.Is(7, 3);
        var contactLog = logsContact
            ? $"\n            _logger.LogInformation(\"Searching {{Kind}} by contact {{Contact}}\", nameof({d.Name}), contact);"
            : string.Empty;
        return $$"""
                public async Task<PagedResult<{{d.Name}}Summary>> SearchAsync({{d.Name}}SearchFilter filter, PageRequest page, CancellationToken cancellationToken)
                {
                    var query = _db.{{d.Plural}}.AsNoTracking();
                    if (!string.IsNullOrWhiteSpace(filter.Reference))
                    {
                        var reference = filter.Reference.Trim().ToUpperInvariant();
                        query = query.Where(x => x.Reference.StartsWith(reference));
                    }

                    if (!string.IsNullOrWhiteSpace(filter.Region))
                    {
                        query = query.Where(x => x.Region == filter.Region);
                    }

                    if (filter.Status is { } status)
                    {
                        query = query.Where(x => x.Status == status);
                    }

                    if (filter.MinAmount is { } minAmount)
                    {
                        query = query.Where(x => x.Amount >= minAmount);
                    }

                    if (filter.MaxAmount is { } maxAmount)
                    {
                        query = query.Where(x => x.Amount <= maxAmount);
                    }

                    if (filter.MinPriority is { } priority)
                    {
                        query = query.Where(x => x.Priority >= priority);
                    }

                    if (filter.CreatedFrom is { } from)
                    {
                        query = query.Where(x => x.CreatedAt >= from);
                    }

                    if (filter.CreatedTo is { } to)
                    {
                        query = query.Where(x => x.CreatedAt < to);
                    }

                    if (filter.UpdatedSince is { } since)
                    {
                        query = query.Where(x => x.UpdatedAt != null && x.UpdatedAt >= since);
                    }

                    if (!string.IsNullOrWhiteSpace(filter.{{d.First}}))
                    {
                        var contact = filter.{{d.First}}.Trim();{{contactLog}}
                        query = query.Where(x => x.{{d.First}} == contact);
                    }

                    if (filter.OpenOnly)
                    {
                        query = query.Where(x => x.Status != {{d.Name}}Status.Closed && x.Status != {{d.Name}}Status.Cancelled);
                    }

                    if (!string.IsNullOrWhiteSpace(filter.Sku))
                    {
                        query = query.Where(x => x.Lines.Any(l => l.Sku == filter.Sku));
                    }

                    if (filter.MinLines is { } lines)
                    {
                        query = query.Where(x => x.Lines.Count >= lines);
                    }

                    if (!string.IsNullOrWhiteSpace(filter.Text))
                    {
                        var text = filter.Text.Trim();
                        query = query.Where(x => x.Reference.Contains(text) || x.Region.Contains(text));
                    }

                    query = (filter.SortBy, filter.Descending) switch
                    {
                        ("amount", false) => query.OrderBy(x => x.Amount),
                        ("amount", true) => query.OrderByDescending(x => x.Amount),
                        ("priority", _) => query.OrderByDescending(x => x.Priority).ThenBy(x => x.CreatedAt),
                        (_, true) => query.OrderByDescending(x => x.CreatedAt),
                        _ => query.OrderBy(x => x.CreatedAt),
                    };
                    var total = await query.CountAsync(cancellationToken);
                    var items = await query
                        .Skip(page.Skip)
                        .Take(page.Take)
                        .Select(x => new {{d.Name}}Summary(x.Id, x.Reference, x.Status, x.Amount, x.CreatedAt))
                        .ToListAsync(cancellationToken);
                    _logger.LogDebug("Search for {Kind} matched {Total} (reference {Reference}, region {Region})", nameof({{d.Name}}), total, filter.Reference, filter.Region);
                    return new PagedResult<{{d.Name}}Summary>(items, total, page);
                }

            """;
    }

    // The service's side of the helper chain, the event switch and the partner payload.
    private static string ServiceShapes(Domain d)
    {
        var builder = new StringBuilder();
        if (HasHelperChain(d))
        {
            builder.Append($$"""
                    public void AuditContact({{d.Name}} entity)
                    {
                        var line = {{d.Name}}Rules.ContactLine(entity);
                        _logger.LogInformation("Audit of {Kind} {Id}: {Line}", nameof({{d.Name}}), entity.Id, line);
                    }

                """);
        }

        if (HasEventSwitch(d))
        {
            builder.Append($"    public string DescribeEvent({d.Name} entity, {d.Name}EventKind kind)\n    {{\n        string message;\n        switch (kind)\n        {{\n");
            for (var i = 0; i < EventKinds.Length; i++)
            {
                var kind = EventKinds[i];
                var text = (i % 7) switch
                {
                    0 => $"$\"{{entity.Reference}} {kind.ToLowerInvariant()} for {{entity.{d.First}}}\"",
                    1 => $"$\"{{entity.Reference}} {kind.ToLowerInvariant()} in {{entity.Region}}\"",
                    2 => $"string.Format(CultureInfo.InvariantCulture, \"{{0}} {kind.ToLowerInvariant()}: {{1:N2}}\", entity.Reference, entity.Amount)",
                    3 => $"entity.Reference + \" {kind.ToLowerInvariant()} at priority \" + entity.Priority.ToString(CultureInfo.InvariantCulture)",
                    4 => $"$\"{{entity.Reference}} {kind.ToLowerInvariant()} ({{{d.Name}Rules.Label(entity.Status)}})\"",
                    5 => $"$\"{{entity.Reference}} {kind.ToLowerInvariant()} with {{entity.Lines.Count}} lines\"",
                    _ => $"\"{kind}\"",
                };
                builder.Append($"            case {d.Name}EventKind.{kind}:\n");
                if (i % 10 == 9)
                {
                    builder.Append($"                if (entity.Lines.Count == 0)\n                {{\n                    message = \"{kind} (empty)\";\n                    break;\n                }}\n\n");
                }

                builder.Append($"                message = {text};\n                break;\n");
            }

            builder.Append("            default:\n                message = kind.ToString();\n                break;\n        }\n\n");
            builder.Append($"        _logger.LogInformation(\"{{Kind}} event {{Event}}: {{Message}}\", nameof({d.Name}), kind, message);\n        return message;\n    }}\n\n");
        }

        if (HasBigInitialiser(d))
        {
            builder.Append($"    public async Task SyncPartnerAsync({d.Name} entity, CancellationToken cancellationToken)\n    {{\n");
            builder.Append("        var first = entity.Lines.FirstOrDefault();\n        var last = entity.Lines.LastOrDefault();\n");
            builder.Append("        var payload = new Dictionary<string, object?>\n        {\n");
            builder.Append("            [\"id\"] = entity.Id,\n            [\"reference\"] = entity.Reference,\n");
            builder.Append($"            [\"contact\"] = entity.{d.First},\n            [\"{char.ToLowerInvariant(d.Second[0])}{d.Second.AsSpan(1)}\"] = entity.{d.Second},\n");
            var values = new[]
            {
                "entity.CreatedAt", "entity.UpdatedAt", "entity.Status.ToString()", "entity.Amount", "entity.Priority", "entity.Region", "entity.IsOpen",
                "entity.Lines.Count", $"{d.Name}Rules.Total(entity)", $"{d.Name}Rules.Label(entity.Status)", $"{d.Name}Rules.Score(entity, DateTimeOffset.UtcNow)",
                "first?.Sku", "last?.Sku", "entity.Lines.Sum(l => l.Quantity)", "entity.Lines.Count == 0 ? 0m : entity.Lines.Max(l => l.UnitPrice)",
                "entity.Lines.Count == 0 ? 0m : entity.Lines.Min(l => l.UnitPrice)", "\"api\"", "\"GBP\"", "nameof(" + d.Name + "Service)", "2",
            };
            foreach (var (field, value) in PayloadFields.Zip(values))
            {
                builder.Append($"            [\"{field}\"] = {value},\n");
            }

            builder.Append("            [\"lines\"] = entity.Lines.Select(l => new { l.Number, l.Sku, l.Quantity, l.UnitPrice, l.Total }).ToArray(),\n");
            builder.Append("            [\"flags\"] = new[] { entity.IsOpen ? \"open\" : \"closed\", entity.Amount > 10_000m ? \"large\" : \"standard\", entity.Priority > 5 ? \"urgent\" : \"normal\" },\n");
            builder.Append("            [\"audit\"] = new Dictionary<string, object?>\n            {\n");
            for (var i = 1; i <= 16; i++)
            {
                builder.Append($"                [\"check{i.ToString("00", CultureInfo.InvariantCulture)}\"] = entity.Priority + {i},\n");
            }

            builder.Append("            },\n        };\n");
            builder.Append($"        using var response = await _http.PostAsJsonAsync(ServiceNames.Partner + \"sync/{d.Lower}\", payload, cancellationToken);\n");
            builder.Append($"        if (!response.IsSuccessStatusCode)\n        {{\n            _logger.LogWarning(\"Partner sync of {{Kind}} {{Id}} failed with {{StatusCode}}\", nameof({d.Name}), entity.Id, (int)response.StatusCode);\n        }}\n    }}\n\n");
        }

        return builder.ToString();
    }

    // Nine helpers deep from the entity to the text the service logs; each returns what it was given, reshaped.
    private static string HelperChain(Domain d)
    {
        if (!HasHelperChain(d))
        {
            return string.Empty;
        }

        return $$"""
                public static string ContactLine({{d.Name}} entity) => ContactPart(entity.{{d.First}}, entity.Region);

                private static string ContactPart(string value, string region) => Bracket(Collapse(value), region);

                private static string Collapse(string value) => Squeeze(value.Trim());

                private static string Squeeze(string value) => Lower(string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

                private static string Lower(string value) => Clip(value.ToLowerInvariant(), 80);

                private static string Clip(string value, int length) => value.Length <= length ? Tidy(value) : Tidy(value.Substring(0, length));

                private static string Tidy(string value) => Quote(value.Replace("\t", " ", StringComparison.Ordinal));

                private static string Quote(string value) => "\"" + Escape(value) + "\"";

                private static string Escape(string value) => value.Replace("\"", "\\\"", StringComparison.Ordinal);

                private static string Bracket(string value, string region) => region.Length == 0 ? value : value + " [" + region + "]";

            """;
    }
}
