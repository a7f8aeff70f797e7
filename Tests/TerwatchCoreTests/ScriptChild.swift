import Foundation
import Glibc

/// A shell script run as a child under its own file name (so `/proc/PID/comm` is that name), its stdout read line by line with deadlines.
///
/// Started with `posix_spawn`, every signal unblocked and at its default
/// action (Foundation's `Process` leaves most signals blocked in the child).
/// Its stdin is a pipe held open until the child is released.
final class ScriptChild {
    /// Prints `ready`, then `got USR1` and exits on SIGUSR1; never forks, so only it has its name.
    static let trapsUser1 = """
        #!/bin/sh
        trap 'echo "got USR1"; exit 0' USR1
        echo ready
        while read line; do :; done
        """

    struct SpawnFailed: Error {
        var code: Int32
    }

    /// The child's process id.
    let pid: pid_t
    private let input: Int32
    private let output: Int32
    private var buffered: [UInt8] = []

    /// Writes `script` to `directory/name`, makes it executable and starts it.
    init(_ script: String, named name: String, in directory: TemporaryDirectory) throws {
        let path = try directory.write(name, script)
        guard chmod(path, 0o755) == 0 else { throw SpawnFailed(code: errno) }
        var stdinPipe: [Int32] = [0, 0]
        var stdoutPipe: [Int32] = [0, 0]
        guard pipe(&stdinPipe) == 0, pipe(&stdoutPipe) == 0 else { throw SpawnFailed(code: errno) }
        for descriptor in stdinPipe + stdoutPipe {
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdoutPipe[1], 1)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var child: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(path), nil]
        defer { argv.forEach { free($0) } }
        let result = posix_spawn(&child, path, &actions, &attributes, argv, environ)
        Glibc.close(stdinPipe[0])
        Glibc.close(stdoutPipe[1])
        guard result == 0 else {
            Glibc.close(stdinPipe[1])
            Glibc.close(stdoutPipe[0])
            throw SpawnFailed(code: result)
        }
        pid = child
        input = stdinPipe[1]
        output = stdoutPipe[0]
    }

    deinit {
        kill(pid, SIGKILL)
        Glibc.close(input)
        Glibc.close(output)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    /// Waits up to `seconds` for the next line of output; nil at the deadline or at end of output.
    func nextLine(within seconds: Double = 10) -> String? {
        let end = Date().addingTimeInterval(seconds)
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffered[..<newline], as: UTF8.self)
                buffered.removeSubrange(...newline)
                return line
            }
            let left = end.timeIntervalSinceNow
            guard left > 0 else { return nil }
            var poller = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(left * 1000) + 1) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if count <= 0 { return nil }
            buffered += chunk[0..<count]
        }
    }
}
