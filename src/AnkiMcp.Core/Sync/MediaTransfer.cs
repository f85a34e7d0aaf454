namespace AnkiMcp.Core.Sync;

/// <summary>One media file copied by a sync.</summary>
/// <param name="FileName">The flat file name (in <c>media/</c> and in Anki's media folder).</param>
/// <param name="Target">Where it is copied to.</param>
public sealed record MediaTransfer(string FileName, SyncSide Target);
