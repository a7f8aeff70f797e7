import Glibc

/// Why the supervisor could not start a child or set itself up.
public enum SupervisorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The command cannot run: not found (127) or not executable (126), with the path or name in the message.
    case cannotRun(ProcessError)
    /// A system call failed with this errno: `clone`, `pipe2`, the child's set-up, `prctl`.
    case systemCall(String, code: Int32)

    /// The status terwatch exits with for this failure: 127, 126, or 125 for its own failures.
    public var exitCode: Int32 {
        switch self {
        case .cannotRun(let error): error.exitCode ?? 125
        case .systemCall: 125
        }
    }

    /// `cannot run './server': permission denied`, `clone failed: resource temporarily unavailable`.
    public var description: String {
        switch self {
        case .cannotRun(let error): error.description
        case .systemCall(let call, let code): "\(call) failed: \(errnoText(code))"
        }
    }

    /// The failure of `execve(path)` with errno `code`: 127 when the file is missing, 126 for anything else (as a shell reports them).
    ///
    /// `ENOENT` for a file that exists means its `#!` interpreter is missing: not executable.
    static func exec(_ path: String, code: Int32) -> SupervisorError {
        if (code == ENOENT || code == ENOTDIR) && access(path, F_OK) != 0 { return .cannotRun(.notFound(path)) }
        return .cannotRun(.notExecutable(path, code: code))
    }
}
