import Glibc

/// Why the inotify thread or a watch could not be set up.
public enum InotifyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A system call failed: the call, the path it was given (if any) and its errno.
    case system(call: String, path: String?, errno: Int32)
    /// Another inotify thread is running in this process (libinotifytools has one global state).
    case alreadyRunning
    /// The inotify descriptor could not be found in /proc/self/fd.
    case descriptorNotFound
    /// The inotify descriptor is at or above FD_SETSIZE, where `select()` aborts the process.
    case descriptorTooHigh(Int32)
    /// The inotify thread has stopped.
    case stopped

    /// A lowercase one-sentence message naming the culprit.
    public var description: String {
        switch self {
        case let .system(call, path?, code):
            return "\(call) '\(path)' failed: \(errnoText(code))"
        case let .system(call, nil, code):
            return "\(call) failed: \(errnoText(code))"
        case .alreadyRunning:
            return "an inotify thread is already running in this process"
        case .descriptorNotFound:
            return "the inotify descriptor was not found in '/proc/self/fd'"
        case let .descriptorTooHigh(fd):
            return "the inotify descriptor \(fd) is not below \(FD_SETSIZE); start the watcher before opening files"
        case .stopped:
            return "the inotify thread has stopped"
        }
    }
}
