namespace AnkiMcp.Tests.Anki;

/// <summary>A clock that stands still, so a test comparing modification times never races the wall clock.</summary>
internal sealed class FrozenClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
