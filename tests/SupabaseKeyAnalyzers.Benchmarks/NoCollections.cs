using System.Runtime;

namespace SupabaseKeyAnalyzers.Benchmarks;

/// <summary>
/// An analysis pass with no garbage collection in it (<see cref="GC.TryStartNoGCRegion(long)"/>), for
/// <c>profile … --no-gc</c>: whether the spread of a callback's time between runs is the pauses the driver's
/// allocations cause, which land in whichever callback runs when they happen (on this machine it is not only those).
/// </summary>
public sealed class NoCollections : IDisposable
{
    private NoCollections(bool started) => Started = started;

    /// <summary>False when the runtime refused a region of that size: the pass ran with collections.</summary>
    public bool Started { get; }

    /// <summary>True when the region ended before <see cref="Dispose"/> (the pass allocated more than the region held).</summary>
    public bool Broken { get; private set; }

    /// <summary>Starts a region that holds <paramref name="bytes"/> of allocations (a collection first, to make room).</summary>
    public static NoCollections Start(long bytes)
    {
        try
        {
            return new NoCollections(GC.TryStartNoGCRegion(bytes));
        }
        catch (ArgumentOutOfRangeException)
        {
            return new NoCollections(false);
        }
    }

    public void Dispose()
    {
        if (!Started)
        {
            return;
        }

        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            try
            {
                GC.EndNoGCRegion();
                return;
            }
            catch (InvalidOperationException)
            {
            }
        }

        Broken = true;
    }
}
