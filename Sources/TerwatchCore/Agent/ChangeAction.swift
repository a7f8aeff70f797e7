/// `--on-change restart|signal|none`: what a wrapped child gets when a new generation is committed.
public enum ChangeAction: String, Hashable, Sendable, CaseIterable {
    /// Stop the child and start a new one with the new environment (the default).
    case restart
    /// Keep the child and send `--signal` to its process group; it re-reads the files itself.
    case signal
    /// Leave the child alone; the new environment is used at its next start.
    case ignore = "none"
}
