using System.Threading;
using System.Threading.Tasks;
using SafePrivacy;

namespace Forum;

/// <summary>What the moderation vendor's toxicity API is sent.</summary>
public sealed class ToxicityRequest
{
    public string Text { get; init; } = string.Empty;

    [PersonalData(DataCategory.Contact)]
    public string? AuthorEmail { get; init; }
}

/// <summary>The moderation vendor's SDK: implemented by their client library, outside this service.</summary>
[ModerationClassifier]
public interface IToxicityClassifier
{
    Task<double> ScoreAsync(ToxicityRequest request, CancellationToken cancellationToken = default);
}

/// <summary>The in-house self-harm model. Its score is a health inference: special category data.</summary>
public interface ISelfHarmModel
{
    [ModerationClassifier]
    [return: SpecialCategoryData(SpecialCategory.Health, Origin = DataOrigin.Inferred)]
    double Risk(string text);
}

/// <summary>A deliberately simple keyword model standing in for the real one.</summary>
public sealed class KeywordSelfHarmModel : ISelfHarmModel
{
    private static readonly string[] Signals = { "hurt myself", "end it all", "no way out" };

    public double Risk(string text)
    {
        var hits = 0;
        foreach (var signal in Signals)
        {
            if (text.Contains(signal, System.StringComparison.OrdinalIgnoreCase))
            {
                hits++;
            }
        }

        return hits / (double)Signals.Length;
    }
}
