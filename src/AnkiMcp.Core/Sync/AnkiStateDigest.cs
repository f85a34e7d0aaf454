using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AnkiMcp.Core.Sync;

/// <summary>
/// One digest of what a sync's first two requests read from Anki: the profile, the note types, every managed note's id
/// and modification time, and every managed card's id and deck. Anki stamps a note with a new modification time
/// whenever its fields or tags change, and a moved card changes deck, so the same digest later means Anki's side of
/// the managed notes is as it was, except for edits made within the second of <see cref="NewestMod"/>.
/// </summary>
/// <param name="Digest">The digest (hex).</param>
/// <param name="NewestMod">The newest modification time among the notes (0 for none).</param>
internal sealed record AnkiStateDigest(string Digest, long NewestMod)
{
    public static AnkiStateDigest Of(AnkiSnapshot snapshot, AnkiModTimes modTimes)
    {
        using IncrementalHash digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendText(digest, snapshot.Profile);
        foreach (string model in snapshot.ModelNames.Order(StringComparer.Ordinal))
            AppendText(digest, model);
        Span<byte> pair = stackalloc byte[16];
        long newest = 0;
        foreach (long note in snapshot.ManagedNoteIds.Order())
        {
            long mod = modTimes.Mods.TryGetValue(note, out long known) ? known : -1;
            newest = Math.Max(newest, mod);
            BinaryPrimitives.WriteInt64LittleEndian(pair, note);
            BinaryPrimitives.WriteInt64LittleEndian(pair[8..], mod);
            digest.AppendData(pair);
        }
        foreach (long card in snapshot.ManagedCardIds.Order())
        {
            BinaryPrimitives.WriteInt64LittleEndian(pair, card);
            digest.AppendData(pair[..8]);
            AppendText(digest, modTimes.DeckByCard.GetValueOrDefault(card, ""));
        }
        return new AnkiStateDigest(Convert.ToHexStringLower(digest.GetHashAndReset()), newest);
    }

    // Length-prefixed, so that no two different lists of texts give the same bytes.
    private static void AppendText(IncrementalHash digest, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        digest.AppendData(length);
        digest.AppendData(bytes);
    }
}
