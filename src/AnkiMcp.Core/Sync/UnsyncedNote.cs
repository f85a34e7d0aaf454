namespace AnkiMcp.Core.Sync;

/// <summary>A note whose change did not (or, in a dry run, would not) reach the other side; the next sync tries again.</summary>
/// <param name="NoteKey">The note key.</param>
/// <param name="DeckName">The note's deck.</param>
/// <param name="Summary">The note's first field, shortened, so a person knows which note it is.</param>
/// <param name="Reason">What happened and its likely cause.</param>
/// <param name="WhatToDo">What the person does about it.</param>
public sealed record UnsyncedNote(string NoteKey, string DeckName, string Summary, string Reason, string WhatToDo);
