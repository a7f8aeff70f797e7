/// How much a command says on standard error besides its diagnostics.
public enum Verbosity: Hashable, Sendable {
    /// Diagnostics only (`-q`).
    case quiet
    /// Diagnostics and a summary.
    case normal
    /// Also every file read (`-v`).
    case verbose
}
