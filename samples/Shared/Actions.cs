using System;
using SafePrivacy;

namespace Forum;

/// <summary>Moderation actions on content: not significant decisions about a person.</summary>
public sealed class ContentActions
{
    [ModerationAction(ModerationEffect.RemoveContent)]
    public void Remove(Guid postId)
    {
    }

    [ModerationAction(ModerationEffect.RestrictVisibility)]
    public void Hide(Guid postId)
    {
    }
}

/// <summary>The account actions the service can take.</summary>
public interface IAccountActions
{
    void Suspend(Guid memberId, TimeSpan period);

    void Ban(Guid memberId);
}

/// <summary>Account actions: significant decisions (UK GDPR Arts 22A–22D).</summary>
public sealed class AccountActions : IAccountActions
{
    [ModerationAction(ModerationEffect.AccountSuspension)]
    public void Suspend(Guid memberId, TimeSpan period)
    {
    }

    [ModerationAction(ModerationEffect.AccountBan)]
    public void Ban(Guid memberId)
    {
    }
}
