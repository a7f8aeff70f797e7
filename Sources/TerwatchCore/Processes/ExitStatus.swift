import Glibc

/// How a child process ended: by exiting with a status, or killed by a signal.
public enum ExitStatus: Hashable, Sendable, CustomStringConvertible {
    /// The child called `exit` with this status (0–255).
    case exited(Int32)
    /// The child was killed by this signal number.
    case signaled(Int32)

    /// The status as a shell reports it: the exit status, or 128+N for death by signal N.
    public var code: Int32 {
        switch self {
        case .exited(let status): status
        case .signaled(let signal): 128 + signal
        }
    }

    /// `exited with status 3` or `killed by signal 9`.
    public var description: String {
        switch self {
        case .exited(let status): "exited with status \(status)"
        case .signaled(let signal): "killed by signal \(signal)"
        }
    }

    /// The status `waitid` reported in `info` for an exited child; nil for a stop or continue report.
    init?(_ info: siginfo_t) {
        let status = info._sifields._sigchld.si_status
        switch info.si_code {
        case Int32(CLD_EXITED): self = .exited(status)
        case Int32(CLD_KILLED), Int32(CLD_DUMPED): self = .signaled(status)
        default: return nil
        }
    }
}
