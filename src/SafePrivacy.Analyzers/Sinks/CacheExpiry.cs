using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SafePrivacy.Analyzers.Declarations;
using SafePrivacy.Analyzers.Flow;

namespace SafePrivacy.Analyzers.Sinks;

/// <summary>
/// What the cache APIs do with expiry: whether a write to a cache (IDistributedCache, IMemoryCache, a cache entry,
/// a Redis key) gives the entry an expiry — as an argument, through options built inline or in a local of the body,
/// in the factory that creates the entry, or by a later KeyExpire of the same Redis key. HybridCache is not among
/// them: its entries always expire (its default options).
/// </summary>
internal static class CacheExpiry
{
    private const int MaximumTraceBack = 16;

    private static readonly ImmutableHashSet<string> ExpiryMembers = ImmutableHashSet.Create(
        "AbsoluteExpiration", "AbsoluteExpirationRelativeToNow", "SlidingExpiration",
        "SetAbsoluteExpiration", "SetSlidingExpiration", "AddExpirationToken", "ExpirationTokens");

    private static readonly ImmutableHashSet<string> CacheTypes = ImmutableHashSet.Create(
        "Microsoft.Extensions.Caching.Distributed.IDistributedCache",
        "Microsoft.Extensions.Caching.Distributed.DistributedCacheExtensions",
        "Microsoft.Extensions.Caching.Memory.CacheExtensions",
        "Microsoft.Extensions.Caching.Memory.ICacheEntry");

    // Redis: every write leaves the key without a time to live unless it is given one, in the call or by a later
    // KeyExpire on the same key.
    private static readonly ImmutableHashSet<string> RedisTypes = ImmutableHashSet.Create(
        "StackExchange.Redis.IDatabase", "StackExchange.Redis.IDatabaseAsync");

    private static readonly ImmutableHashSet<string> RedisExpiryMethods = ImmutableHashSet.Create(
        "KeyExpire", "KeyExpireAsync", "HashFieldExpire", "HashFieldExpireAsync");

    /// <summary>Whether <paramref name="call"/> writes an entry to a cache without giving it an expiry.</summary>
    public static bool IsWriteWithoutExpiry(IOperation? call)
    {
        if (call is IInvocationOperation invocation && IsRedisCall(invocation.TargetMethod))
        {
            return !RedisSetsExpiry(invocation);
        }

        return IsCacheWrite(call, out var write) && !SetsExpiry(write);
    }

    private static bool IsRedisCall(IMethodSymbol method) =>
        method.ContainingType is { } type
        && (RedisTypes.Contains(type.OriginalDefinition.ToDisplayString()) || type.AllInterfaces.Any(i => RedisTypes.Contains(i.OriginalDefinition.ToDisplayString())));

    // An expiry argument with a value (a TimeSpan, a DateTime, an Expiration other than Default or Persist), keepTtl
    // (the key keeps the time to live it has), or a KeyExpire of the same key after the write in the same body.
    private static bool RedisSetsExpiry(IInvocationOperation write)
    {
        IOperation? key = null;
        foreach (var argument in write.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (parameter.Name == "key")
            {
                key = argument.Value;
            }

            if (argument.ArgumentKind != ArgumentKind.DefaultValue && IsRedisExpiry(parameter, argument.Value))
            {
                return true;
            }
        }

        return key is not null && ExpiredLater(write, key);
    }

    private static bool IsRedisExpiry(IParameterSymbol parameter, IOperation value)
    {
        if (parameter.Name == "keepTtl")
        {
            return value.ConstantValue is not { HasValue: true, Value: false };
        }

        var type = parameter.Type.ToDisplayString().TrimEnd('?');
        if (type is not ("System.TimeSpan" or "System.DateTime" or "StackExchange.Redis.Expiration"))
        {
            return false;
        }

        return OperationShapes.StripConversions(value) switch
        {
            ILiteralOperation or IDefaultValueOperation => false,
            IPropertyReferenceOperation { Property.Name: "Default" or "Persist" } property => !MetadataNames.Is(property.Property.ContainingType, "StackExchange.Redis.Expiration"),
            _ => true,
        };
    }

    private static bool ExpiredLater(IInvocationOperation write, IOperation key)
    {
        var keySyntax = OperationShapes.StripConversions(key)!.Syntax;
        foreach (var operation in Root(write).DescendantsAndSelf())
        {
            if (operation is IInvocationOperation expire
                && operation.Syntax.SpanStart > write.Syntax.SpanStart
                && RedisExpiryMethods.Contains(expire.TargetMethod.Name)
                && IsRedisCall(expire.TargetMethod)
                && expire.Arguments.FirstOrDefault(a => a.Parameter?.Name == "key") is { } expired
                && SameKey(keySyntax, key, expired.Value))
            {
                return true;
            }
        }

        return false;
    }

    // The same constant, the same local or parameter, or the same expression written again ($"user:{id}").
    private static bool SameKey(SyntaxNode keySyntax, IOperation key, IOperation other)
    {
        var stripped = OperationShapes.StripConversions(other)!;
        if (key.ConstantValue.HasValue && stripped.ConstantValue.HasValue)
        {
            return Equals(key.ConstantValue.Value, stripped.ConstantValue.Value);
        }

        if (OperationShapes.TrackedSymbol(key) is { } symbol && OperationShapes.TrackedSymbol(other) is { } otherSymbol)
        {
            return SymbolEqualityComparer.Default.Equals(symbol, otherSymbol);
        }

        return keySyntax.IsEquivalentTo(stripped.Syntax, topLevel: false);
    }

    private static bool IsCacheWrite(IOperation? operation, out IOperation call)
    {
        call = operation!;
        var method = operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } => property.Property.SetMethod,
            _ => null,
        };
        if (method?.ContainingType is not { } type)
        {
            return false;
        }

        return CacheTypes.Contains(type.OriginalDefinition.ToDisplayString())
            || type.AllInterfaces.Any(i => CacheTypes.Contains(i.OriginalDefinition.ToDisplayString()));
    }

    private static bool SetsExpiry(IOperation call)
    {
        switch (call)
        {
            case IInvocationOperation invocation:
                foreach (var argument in invocation.Arguments)
                {
                    var type = argument.Parameter?.Type.ToDisplayString().TrimEnd('?');
                    switch (type)
                    {
                        case "System.DateTimeOffset" or "System.TimeSpan" or "Microsoft.Extensions.Primitives.IChangeToken":
                            return true;
                        case "Microsoft.Extensions.Caching.Distributed.DistributedCacheEntryOptions" or "Microsoft.Extensions.Caching.Memory.MemoryCacheEntryOptions":
                            if (argument.ArgumentKind != ArgumentKind.DefaultValue && OptionsSetExpiry(argument.Value, call))
                            {
                                return true;
                            }

                            break;
                    }

                    // GetOrCreate(key, entry => { entry.SlidingExpiration = ...; return value; })
                    if (argument.Value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation factory } && TouchesExpiry(factory.Body))
                    {
                        return true;
                    }
                }

                return false;

            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation entry } }:
                // entry.Value = …: the entry created by CreateEntry must get its expiry somewhere in the body.
                return TouchesExpiryOf(entry.Local, Root(call));

            default:
                return true;
        }
    }

    // Options built inline, through the extension helpers, or in a local anywhere in the body; options from a field
    // or a parameter are configured elsewhere and given the benefit of the doubt.
    private static bool OptionsSetExpiry(IOperation options, IOperation call, int depth = 0)
    {
        // Each step follows a receiver or a local's initializer back once; a chain this long gets the benefit of the doubt.
        if (depth > MaximumTraceBack)
        {
            return true;
        }

        while (options is IConversionOperation conversion)
        {
            options = conversion.Operand;
        }

        return options switch
        {
            IObjectCreationOperation creation => creation.Initializer is { } initializer && TouchesExpiry(initializer),
            IInvocationOperation invocation => ExpiryMembers.Contains(invocation.TargetMethod.Name)
                || invocation.TargetMethod.ContainingType?.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.Extensions.Caching", System.StringComparison.Ordinal) != true
                || (invocation.Instance ?? invocation.Arguments.FirstOrDefault()?.Value) is { } receiver && OptionsSetExpiry(receiver, call, depth + 1),
            ILocalReferenceOperation local => TouchesExpiryOf(local.Local, Root(call), depth + 1),
            ILiteralOperation or IDefaultValueOperation => false,
            _ => true,
        };
    }

    private static bool TouchesExpiry(IOperation operation) =>
        operation.DescendantsAndSelf().Any(o => o switch
        {
            IPropertyReferenceOperation property => ExpiryMembers.Contains(property.Property.Name) && o.Parent is IAssignmentOperation,
            IInvocationOperation invocation => ExpiryMembers.Contains(invocation.TargetMethod.Name),
            _ => false,
        });

    private static bool TouchesExpiryOf(ILocalSymbol local, IOperation body, int depth = 0)
    {
        foreach (var operation in body.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.GetVariableInitializer()?.Value is { } initial && initial is not ILiteralOperation && OptionsSetExpiry(initial, body, depth + 1) && !IsCreateEntry(initial))
                    {
                        return true;
                    }

                    break;
                case IPropertyReferenceOperation { Parent: IAssignmentOperation, Instance: ILocalReferenceOperation owner } property
                    when SymbolEqualityComparer.Default.Equals(owner.Local, local) && ExpiryMembers.Contains(property.Property.Name):
                    return true;
                case IInvocationOperation invocation when ExpiryMembers.Contains(invocation.TargetMethod.Name)
                    && (invocation.Instance ?? invocation.Arguments.FirstOrDefault()?.Value) is ILocalReferenceOperation receiver
                    && SymbolEqualityComparer.Default.Equals(receiver.Local, local):
                    return true;
            }
        }

        return false;
    }

    private static bool IsCreateEntry(IOperation operation) =>
        operation is IInvocationOperation { TargetMethod.Name: "CreateEntry" };

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }
}
