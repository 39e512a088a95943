using System.Runtime;

namespace SupabaseKeyAnalyzers.Benchmarks;

/// <summary>
/// An analysis pass with no garbage collection in it (<see cref="GC.TryStartNoGCRegion(long)"/>), for
/// <c>profile … --no-gc</c>: whether the spread of a callback's time between runs is the pauses the driver's
/// allocations cause, which land in whichever callback runs when they happen (on this machine it is not only those).
/// Whether the region held shows in the run's line: one collection of each generation (the one that starts the
/// region), no more.
/// </summary>
public sealed class NoCollections : IDisposable
{
    private NoCollections()
    {
    }

    /// <summary>Starts a region that holds <paramref name="bytes"/> of allocations (a collection first, to make room), if the runtime allows one that large.</summary>
    public static NoCollections Start(long bytes)
    {
        try
        {
            GC.TryStartNoGCRegion(bytes);
        }
        catch (ArgumentOutOfRangeException)
        {
        }

        return new NoCollections();
    }

    /// <summary>Ends the region, unless a collection ended it already (the pass allocated more than it held).</summary>
    public void Dispose()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            GC.EndNoGCRegion();
        }
    }
}
