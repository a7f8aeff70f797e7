import Foundation
import Glibc

/// A pseudo-terminal: the test holds the master and types into it; a process started on it (`AgentProcess(terminal:)`) has the other end as its controlling terminal and standard streams.
///
/// Echo and output processing are off, so what the process writes arrives as
/// it was written and what the test types is not read back; signal keys
/// (Ctrl-C, Ctrl-Z) and line input stay as on any terminal.
final class PseudoTerminal {
    /// The master side, close-on-exec.
    let master: Int32
    /// The path of the terminal side, `/dev/pts/N`.
    let path: String

    /// A new pseudo-terminal; with `stopBackgroundOutput` (`TOSTOP`), a background process that writes to it gets SIGTTOU.
    init(stopBackgroundOutput: Bool = false) throws {
        // posix_openpt, unlockpt and ptsname are not imported from Glibc: /dev/ptmx and their ioctls.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, Self.unlockRequest, &unlock) == 0, ioctl(master, Self.numberRequest, &number) == 0 else {
            let code = errno
            close(master)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        path = "/dev/pts/\(number)"
        var modes = termios()
        tcgetattr(master, &modes)
        modes.c_lflag &= ~tcflag_t(ECHO)
        modes.c_oflag &= ~tcflag_t(OPOST)
        if stopBackgroundOutput { modes.c_lflag |= tcflag_t(TOSTOP) }
        tcsetattr(master, TCSANOW, &modes)
    }

    /// `TIOCSPTLCK`: lock or unlock the terminal side.
    private static let unlockRequest: UInt = 0x4004_5431
    /// `TIOCGPTN`: the number N of /dev/pts/N.
    private static let numberRequest: UInt = 0x8004_5430

    deinit {
        close(master)
    }

    /// Types `text` at the terminal: `"\u{3}"` is Ctrl-C, `"\u{1a}"` Ctrl-Z.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            written += count
        }
    }

    /// The terminal's foreground process group.
    var foregroundGroup: pid_t {
        tcgetpgrp(master)
    }
}
