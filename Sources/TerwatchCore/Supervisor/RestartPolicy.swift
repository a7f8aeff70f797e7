/// `--restart never|on-failure|always`: what happens when the child exits by itself.
public enum RestartPolicy: String, Hashable, Sendable, CaseIterable {
    /// Never restart: terwatch exits with the child's status.
    case never
    /// Restart after a non-zero exit or death by signal; after exit 0, terwatch exits with 0.
    case onFailure = "on-failure"
    /// Restart after any exit, 0 included.
    case always

    /// Whether a child that ended with `status` is started again (after a backoff delay).
    public func restarts(after status: ExitStatus) -> Bool {
        switch self {
        case .never: false
        case .onFailure: status != .exited(0)
        case .always: true
        }
    }
}
