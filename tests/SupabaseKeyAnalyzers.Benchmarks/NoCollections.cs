using System.Runtime;

namespace SupabaseKeyAnalyzers.Benchmarks;

/// <summary>
/// An analysis pass with no garbage collection in it (<see cref="GC.TryStartNoGCRegion(long)"/>): each callback's time
/// is then its own work, not the pauses the driver's allocations cause and that land in whichever callback runs when
/// they happen (the spread of the normal runs). What a collection costs the package is reported apart, as its share
/// of the bytes the pass allocates.
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
