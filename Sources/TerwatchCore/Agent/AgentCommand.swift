/// What the agent is told from outside while it runs, typically by a signal to terwatch.
public enum AgentCommand: Hashable, Sendable {
    /// Check the sources now, skipping the debounce (`SIGHUP`); `cause` names it in the log.
    case reload(cause: String)
    /// Stop: end the watcher, terminate hooks under way, return (`SIGTERM`, `SIGINT`).
    case stop(cause: String)
}
