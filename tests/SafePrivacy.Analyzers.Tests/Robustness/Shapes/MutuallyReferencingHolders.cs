// Holders that reference each other (an account and its profile, a post and its thread and back): the holder walk
// must visit each type once.
using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SafePrivacy;

public sealed class Account
{
    public int Id { get; set; }
    [PersonalData(DataCategory.Contact)] public string Email { get; set; } = "";
    public Profile Profile { get; set; } = null!;
    public List<Account> Friends { get; set; } = new();
}

public sealed class Profile
{
    public int Id { get; set; }
    public Account Owner { get; set; } = null!;
    public Profile? Previous { get; set; }
    [PersonalData(DataCategory.Location)] public string Town { get; set; } = "";
}

public sealed class Social : DbContext
{
    public DbSet<Account> Accounts => Set<Account>(); // expect: SP3002
}

public sealed class AccountService
{
    public void Save(Social db, ILogger logger, Account account)
    {
        db.Accounts.Add(account); // expect: SP3001, SP3002
        logger.LogInformation("saved {Id}", account.Id);
        logger.LogInformation("saved {@Account}", account); // expect: SP2001
        logger.LogInformation("town {Town}", Town(account)); // expect: SP2001
        throw new InvalidOperationException($"duplicate {account.Profile.Owner.Email}"); // expect: SP2003
    }

    private static string Town(Account account) => account.Friends.Count > 0 ? Town(account.Friends[0]) : account.Profile.Town;
}
