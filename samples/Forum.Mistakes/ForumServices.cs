using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Forum;

/// <summary>Registers the forum's moderation services.</summary>
public static class ForumServices
{
    public static IServiceCollection AddForum(this IServiceCollection services, IHostEnvironment environment)
    {
        // Mistake: switched on to debug a query and never off again, so in production too every command's parameters —
        // report reasons, moderation outcomes — are written to the log.
        services.AddDbContext<ForumDbContext>(options => options.EnableSensitiveDataLogging()); // ⚠ SP2006
        services.AddScoped<ReportStore>();
        return services;
    }
}
