using System;
using System.Collections.Concurrent;
using SafePrivacy;

namespace Forum;

/// <summary>Decisions waiting for a moderator.</summary>
public sealed class ReviewQueue
{
    private readonly ConcurrentQueue<ReviewItem> _items = new();

    public void Enqueue(ReviewItem item) => _items.Enqueue(item);

    public bool TryNext(out ReviewItem? item) => _items.TryDequeue(out item);
}

/// <summary>Where a moderator reviews a case and decides; only a person's decision suspends or bans an account.</summary>
[HumanReview]
public sealed class ModeratorDesk
{
    private readonly IAccountActions _accounts;

    public ModeratorDesk(IAccountActions accounts) => _accounts = accounts;

    public void Decide(ReviewItem item, bool suspend, bool ban)
    {
        if (ban)
        {
            _accounts.Ban(item.AuthorId);
        }
        else if (suspend)
        {
            _accounts.Suspend(item.AuthorId, TimeSpan.FromDays(7));
        }
    }
}
