using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace SafePrivacy.Analyzers.Flow;

/// <summary>
/// Results computed once per key and shared. The driver runs analyzers concurrently, and a plain
/// <c>ConcurrentDictionary.GetOrAdd</c> runs its factory in every thread that asks for a missing key at once: two
/// bodies calling the same large helper would each walk it. Here the later askers wait for the first. A computation
/// cancelled for the caller that started it is forgotten, and a caller whose own analysis goes on computes it again.
/// </summary>
internal sealed class SharedWork<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<TValue>> _results;

    public SharedWork(IEqualityComparer<TKey>? comparer = null) =>
        _results = new ConcurrentDictionary<TKey, Lazy<TValue>>(comparer ?? EqualityComparer<TKey>.Default);

    public TValue Get(TKey key, Func<TKey, CancellationToken, TValue> compute, CancellationToken cancellationToken)
    {
        // A loop, not a retry by recursion: each round that does not return found another caller's work cancelled.
        while (true)
        {
            var result = _results.GetOrAdd(key, k => new Lazy<TValue>(() => compute(k, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication));
            try
            {
                return result.Value;
            }
            catch (OperationCanceledException)
            {
                ((ICollection<KeyValuePair<TKey, Lazy<TValue>>>)_results).Remove(new KeyValuePair<TKey, Lazy<TValue>>(key, result));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }
}
