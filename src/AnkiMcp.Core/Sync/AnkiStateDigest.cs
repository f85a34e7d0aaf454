using System.Buffers;
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
        // Everything goes into one buffer hashed once: at 100,000 notes a call into the hash per value costs more than the hashing.
        ArrayBufferWriter<byte> bytes = new(64 + (snapshot.ManagedNoteIds.Count * 16) + (snapshot.ManagedCardIds.Count * 12));
        AppendText(bytes, snapshot.Profile);
        foreach (string model in snapshot.ModelNames.Order(StringComparer.Ordinal))
            AppendText(bytes, model);

        long newest = 0;
        long[] notes = [.. snapshot.ManagedNoteIds];
        Array.Sort(notes);
        foreach (long note in notes)
        {
            long mod = modTimes.Mods.TryGetValue(note, out long known) ? known : -1;
            newest = Math.Max(newest, mod);
            AppendLong(bytes, note);
            AppendLong(bytes, mod);
        }

        // Decks by their number in name order, so each card adds a fixed 12 bytes.
        Dictionary<string, int> deckNumbers = new(StringComparer.Ordinal);
        foreach (string deck in modTimes.DeckByCard.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            deckNumbers[deck] = deckNumbers.Count;
            AppendText(bytes, deck);
        }
        long[] cards = [.. snapshot.ManagedCardIds];
        Array.Sort(cards);
        foreach (long card in cards)
        {
            AppendLong(bytes, card);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.GetSpan(4), modTimes.DeckByCard.TryGetValue(card, out string? deck) ? deckNumbers[deck] : -1);
            bytes.Advance(4);
        }
        return new AnkiStateDigest(Convert.ToHexStringLower(SHA256.HashData(bytes.WrittenSpan)), newest);
    }

    private static void AppendLong(ArrayBufferWriter<byte> bytes, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(bytes.GetSpan(8), value);
        bytes.Advance(8);
    }

    // Length-prefixed, so that no two different lists of texts give the same bytes.
    private static void AppendText(ArrayBufferWriter<byte> bytes, string text)
    {
        int length = Encoding.UTF8.GetByteCount(text);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.GetSpan(4), length);
        bytes.Advance(4);
        bytes.Advance(Encoding.UTF8.GetBytes(text, bytes.GetSpan(length)));
    }
}
