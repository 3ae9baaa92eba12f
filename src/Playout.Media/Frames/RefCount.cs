namespace Playout.Media;

/// <summary>The lock-free reference count shared by pooled video and audio frames.</summary>
internal static class RefCount
{
    /// <exception cref="InvalidOperationException">The count is already zero: the object is back in its pool.</exception>
    public static void Increment(ref int count, object owner)
    {
        while (true)
        {
            var current = Volatile.Read(ref count);
            if (current == 0)
                throw new InvalidOperationException($"{owner} is released and back in its pool");
            if (Interlocked.CompareExchange(ref count, current + 1, current) == current)
                return;
        }
    }

    /// <returns>True when this was the last reference.</returns>
    /// <exception cref="InvalidOperationException">More releases than references.</exception>
    public static bool Decrement(ref int count, object owner)
    {
        while (true)
        {
            var current = Volatile.Read(ref count);
            if (current == 0)
                throw new InvalidOperationException($"{owner} was released more times than it was referenced");
            if (Interlocked.CompareExchange(ref count, current - 1, current) == current)
                return current == 1;
        }
    }
}
