using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace SupabaseKeyAnalyzers.Benchmarks;

/// <summary>
/// The runtime's allocation samples (one event per ~100 KB allocated, with the type that crossed the mark), summed by
/// type: which kinds of objects an analyzer run allocates, for <c>profile … --alloc</c>.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private ConcurrentDictionary<string, long> byType = new();

    public void PrintAndReset(bool print = true)
    {
        var sampled = Interlocked.Exchange(ref byType, new ConcurrentDictionary<string, long>());
        if (print)
        {
            foreach (var (type, bytes) in sampled.OrderByDescending(p => p.Value).Take(25))
            {
                Console.WriteLine($"  {bytes / 1048576.0,8:F1} MB  {type}");
            }
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (data.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) == true && data.Payload is { } payload && data.PayloadNames is { } names)
        {
            var type = payload[names.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
            byType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
        }
    }
}
