namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>What an action sees: its arguments, the active collection and the emulator's state.</summary>
internal sealed class ActionContext(EmulatorState state, ActionArguments arguments, ActionDispatcher dispatcher)
{
    public EmulatorState State { get; } = state;

    public ActionArguments Args { get; } = arguments;

    public EmulatorCollection Collection => State.Collection;

    /// <summary>Runs a sub-action of <c>multi</c> exactly like a top-level request.</summary>
    public ActionDispatcher Dispatcher { get; } = dispatcher;
}
