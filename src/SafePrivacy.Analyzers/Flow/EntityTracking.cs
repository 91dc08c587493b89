using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafePrivacy.Analyzers.Declarations;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// EF Core's change tracking, where a store happens without a call that is given the value: an entity read through a
/// <c>DbSet</c> and changed is written by the next <c>SaveChanges</c>; an entry whose <c>State</c> is set to
/// <c>Added</c> or <c>Modified</c> is written whole.
/// </summary>
internal static class EntityTracking
{
    private const string DbContext = "Microsoft.EntityFrameworkCore.DbContext";
    private const string DbSet = "Microsoft.EntityFrameworkCore.DbSet`1";
    private const string EntityEntry = "Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry";

    // How many calls of a query chain (db.Members.Where(…).OrderBy(…).First()) are followed back to its source.
    private const int MaximumChain = 64;

    /// <summary>Whether the value is an entity (or entities) EF Core tracks: read by a query over a <c>DbSet</c>, or found by it.</summary>
    public static bool IsTrackedQuery(IOperation? value)
    {
        var current = value;
        for (var i = 0; i < MaximumChain && current is not null; i++)
        {
            switch (OperationShapes.StripConversions(current))
            {
                case IAwaitOperation await:
                    current = await.Operation;
                    break;
                case IPropertyReferenceOperation property:
                    return MetadataNames.DerivesFrom(property.Type, DbSet);
                case IInvocationOperation { TargetMethod: var method } invocation:
                    if (method.Name is "AsNoTracking" or "AsNoTrackingWithIdentityResolution")
                    {
                        return false;
                    }

                    if (method.Name == "Set" && MetadataNames.DerivesFrom(method.ContainingType, DbContext))
                    {
                        return true;
                    }

                    if (method.Name is "Find" or "FindAsync")
                    {
                        return MetadataNames.DerivesFrom(method.ContainingType, DbContext) || MetadataNames.DerivesFrom(method.ContainingType, DbSet);
                    }

                    // Queryable and EF's queryable extensions work on their first argument.
                    current = method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : invocation.Instance;
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary><c>context.SaveChanges()</c> and its async and accept-all forms: what tracked entities hold is written.</summary>
    public static bool IsSaveChanges(IMethodSymbol method) =>
        method.Name is "SaveChanges" or "SaveChangesAsync" && MetadataNames.DerivesFrom(method.ContainingType, DbContext);

    /// <summary>
    /// <c>entry.State = EntityState.Added</c> (or <c>Modified</c>, or a state not known here): the entry's entity is
    /// written by the next SaveChanges, whole.
    /// </summary>
    public static bool IsStoringStateChange(IPropertyReferenceOperation property, IOperation value)
    {
        if (property.Property.Name != "State" || !MetadataNames.DerivesFrom(property.Property.ContainingType, EntityEntry))
        {
            return false;
        }

        // EntityState: Detached 0, Unchanged 1, Deleted 2, Modified 3, Added 4.
        return value.ConstantValue is not { HasValue: true, Value: int state } || state is 3 or 4;
    }
}
