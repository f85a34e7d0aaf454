namespace AnkiMcp.Core.Sync;

/// <summary>The deck <c>init --tutorial</c> writes: one note of each default type, explaining the collection itself.</summary>
internal static class TutorialDeck
{
    public const string FileName = "AnkiMcp Tutorial.md";

    public const string Text = """
        Q: What does an AnkiMcp collection folder hold?
        A: Your Anki notes as Markdown: one file per deck, one block per note, separated by a line with three dashes.
        E: Edit notes here or in Anki; `ankimcp sync` carries the changes across both ways.

        ---

        T: The file name is the deck: `Biology__Cells.md` holds the deck {{c1::Biology::Cells}}.
        E: A double underscore in the file name stands for `::` in the deck name.

        ---

        Q: Which command makes Anki match this folder?
        C1: ankimcp markdown-to-anki
        C2: ankimcp anki-to-markdown
        C3: ankimcp init
        A: 1

        ---

        Q: Why does a note never turn into a duplicate when it moves between deck files?
        CHAIN: Every note gets a key → the key is kept in the file, in the sync state and in a hidden Anki field → a moved note is found by its key and its cards are moved, with their review history.

        ---

        BROKEN: Editing one note in Anki and in Markdown, then expecting `ankimcp sync` to pick one version.
        FIX: Look at the copy in `conflicts/`, then run `ankimcp sync --prefer markdown` or `ankimcp sync --prefer anki`.
        WHY: Sync never throws away either version of a note changed on both sides; it waits for you to choose.

        """;
}
