using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Forum;

/// <summary>Registers the forum's moderation services.</summary>
public static class ForumServices
{
    public static IServiceCollection AddForum(this IServiceCollection services, IHostEnvironment environment)
    {
        // Command parameters in the log help to debug a query on a developer's own data, never on members' data.
        services.AddDbContext<ForumDbContext>(options => options.EnableSensitiveDataLogging(environment.IsDevelopment()));
        services.AddScoped<ReportStore>();
        return services;
    }
}
