namespace AnkiMcp.Core.Sync;

/// <summary>How a push of new notes to Anki ended.</summary>
public enum PushStatus
{
    /// <summary>Every note is in Anki now.</summary>
    Pushed,

    /// <summary>Some notes are in Anki, others were refused (see <see cref="PushedNote.Error"/>); those stay in Markdown.</summary>
    PartlyPushed,

    /// <summary>Anki was not reachable: the notes stay in Markdown and go to Anki with the next sync.</summary>
    AnkiUnavailable,

    /// <summary>Nothing was pushed because it would be unsafe (other Anki profile, invalid Markdown); see the message.</summary>
    Refused,
}
