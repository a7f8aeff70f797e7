import CInotifyTools
import Glibc

/// The private directory through which callers wake the inotify thread.
///
/// The thread watches it; a caller queues a command, then touches the `wake`
/// file in it (`utimensat`, no descriptor needed), which the blocked
/// `inotifytools_next_event(0)` returns as an `ATTRIB` event.
struct WakeDirectory: Equatable, Sendable {
    /// The directory, made by `mkdtemp`.
    let path: String

    /// The file touched to wake the thread.
    var wakeFile: String { path + "/wake" }

    /// The events the thread asks for on this directory: touches, the wake file's removal, the directory moving.
    static let mask = UInt32(IN_ATTRIB) | UInt32(IN_DELETE) | UInt32(IN_MOVE_SELF) | UInt32(IN_ONLYDIR)

    /// Makes a new private directory (under `$XDG_RUNTIME_DIR`, `$TMPDIR` or /tmp) and its wake file.
    static func create() throws(InotifyError) -> WakeDirectory {
        var template = Array((baseDirectory() + "/terwatch-inotify-XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else {
            throw .system(call: "mkdtemp", path: baseDirectory(), errno: errno)
        }
        let directory = WakeDirectory(path: string(fromCBuffer: template))
        try directory.ensureWakeFile()
        return directory
    }

    /// Creates the wake file when it is missing.
    func ensureWakeFile() throws(InotifyError) {
        let fd = open(wakeFile, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw .system(call: "open", path: wakeFile, errno: errno) }
        close(fd)
    }

    /// Touches `wakeFile`; false when it is gone (the thread then recreates it and serves the queue).
    @discardableResult
    static func wake(_ wakeFile: String) -> Bool {
        utimensat(AT_FDCWD, wakeFile, nil, AT_SYMLINK_NOFOLLOW) == 0
    }

    /// Removes the wake file and the directory.
    func remove() {
        unlink(wakeFile)
        rmdir(path)
    }

    static func baseDirectory() -> String {
        for name in ["XDG_RUNTIME_DIR", "TMPDIR"] {
            if let value = getenv(name), value.pointee != 0 {
                let path = String(cString: value)
                if access(path, W_OK | X_OK) == 0 { return path }
            }
        }
        return "/tmp"
    }
}
