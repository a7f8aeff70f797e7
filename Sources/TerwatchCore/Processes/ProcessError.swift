import Glibc

/// Why a child process could not be started or waited for.
public enum ProcessError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The system calls the process layer makes, named as they appear in messages.
    public enum Call: String, Hashable, Sendable {
        /// `posix_spawn(3)` and the calls that prepare its attributes and file actions.
        case posixSpawn = "posix_spawn"
        /// `pipe2(2)`.
        case pipe = "pipe2"
        /// `fcntl(2)`.
        case fcntl
        /// `eventfd(2)`.
        case eventfd
        /// `pidfd_open(2)`.
        case pidfdOpen = "pidfd_open"
        /// `waitid(2)`.
        case waitid
        /// `poll(2)`.
        case poll
        /// `pthread_create(3)`.
        case pthreadCreate = "pthread_create"
    }

    /// No executable by that name: a path that does not exist, or a bare name in no directory of PATH.
    case notFound(String)
    /// The executable at this path exists but cannot be run; the errno says why.
    case notExecutable(String, code: Int32)
    /// A system call failed with this errno.
    case systemCall(Call, code: Int32)
    /// The exit watcher was shut down before the child exited.
    case watcherStopped

    /// The status a shell gives this failure: 127 when not found, 126 when not executable, nil otherwise.
    public var exitCode: Int32? {
        switch self {
        case .notFound: 127
        case .notExecutable: 126
        case .systemCall, .watcherStopped: nil
        }
    }

    /// `cannot run 'deploy': not found`, `pidfd_open failed: too many open files`.
    public var description: String {
        switch self {
        case .notFound(let name): "cannot run '\(name)': not found"
        case .notExecutable(let path, let code): "cannot run '\(path)': \(errnoText(code))"
        case .systemCall(let call, let code): "\(call.rawValue) failed: \(errnoText(code))"
        case .watcherStopped: "the child exit watcher was stopped before the child exited"
        }
    }
}
