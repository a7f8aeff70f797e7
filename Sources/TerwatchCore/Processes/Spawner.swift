import Glibc

/// Starts a child process with `posix_spawn`: explicit environment, chosen standard streams, its own process group or session, a clean signal state and no inherited descriptor above 2.
///
/// The child starts with an empty signal mask and the default disposition for every
/// catchable signal, whatever this process blocks or ignores. Every descriptor above 2 is
/// closed in the child (`posix_spawn_file_actions_addclosefrom_np`), so the inotify descriptor,
/// the pipes of other hooks and anything a library opened without close-on-exec never leak.
/// `posix_spawn` cannot set a parent-death signal; that is left to the caller.
public struct Spawner: Sendable {
    /// Where one of the child's standard streams comes from.
    public enum Stream: Hashable, Sendable {
        /// The same descriptor as this process's.
        case inherited
        /// `/dev/null`.
        case null
        /// This descriptor of this process, duplicated onto the stream (it may be close-on-exec).
        case descriptor(Int32)
    }

    /// Which process group the child joins.
    public enum Grouping: Hashable, Sendable {
        /// This process's group.
        case inherited
        /// A new process group whose id is the child's pid.
        case processGroup
        /// A new session (and process group) whose id is the child's pid, with no controlling terminal.
        case session
    }

    /// The program: a path (containing a slash), or a bare name looked up in `searchPath`.
    public var executable: String
    /// The arguments after `argv[0]` (which is `executable` as given).
    public var arguments: [String]
    /// The child's whole environment, as `KEY=value` entries; nothing else is passed.
    public var environment: [String]
    /// The directories searched for a bare `executable`; nil uses the PATH entry of `environment`, or `/bin:/usr/bin` without one.
    public var searchPath: String?
    /// The child's standard input.
    public var standardInput: Stream = .inherited
    /// The child's standard output.
    public var standardOutput: Stream = .inherited
    /// The child's standard error.
    public var standardError: Stream = .inherited
    /// The child's process group; by default its own, so signals can reach it and everything it starts.
    public var grouping: Grouping = .processGroup
    /// Where the child's pid is recorded as spawned (so an `OrphanReaper` leaves it alone); the caller releases it after reaping.
    public var registry: ChildRegistry = .shared

    /// A spawner for `executable` with `arguments` and exactly `environment`.
    public init(executable: String, arguments: [String] = [], environment: [String], searchPath: String? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.searchPath = searchPath
    }

    /// The path that will be run: `executable` itself, or where it was found in the search path.
    public func resolvedExecutable() throws(ProcessError) -> String {
        let path = searchPath
            ?? environment.last(where: { $0.hasPrefix("PATH=") }).map { String($0.dropFirst(5)) }
            ?? ExecutableLookup.defaultSearchPath
        return try ExecutableLookup.resolve(executable, searchPath: path)
    }

    /// Starts the child and returns its pid, recorded in `registry`; the caller must wait for it (see `ChildExitWatcher`), then `registry.release` it.
    public func spawn() throws(ProcessError) -> pid_t {
        let path = try resolvedExecutable()
        var actions = posix_spawn_file_actions_t()
        try check(posix_spawn_file_actions_init(&actions))
        defer { posix_spawn_file_actions_destroy(&actions) }
        try addStreams(to: &actions)
        try check(LinuxFunctions.addCloseFrom(&actions, 3))

        var attributes = posix_spawnattr_t()
        try check(posix_spawnattr_init(&attributes))
        defer { posix_spawnattr_destroy(&attributes) }
        try configure(&attributes)

        let argv = CStringArray([executable] + arguments)
        let envp = CStringArray(environment)
        let (result, pid) = TextFileBusy.retrying({ $0.0 == ETXTBSY }) {
            registry.launching({ () -> (Int32, pid_t) in
                var pid: pid_t = 0
                let result = posix_spawn(&pid, path, &actions, &attributes, argv.pointers, envp.pointers)
                return (result, pid)
            }, startedPid: { $0.0 == 0 ? $0.1 : nil })
        }
        switch result {
        case 0: return pid
        case ENOENT, ENOTDIR:
            // The file was there a moment ago: either it just went, or its interpreter is missing.
            if access(path, F_OK) == 0 { throw .notExecutable(path, code: result) }
            throw .notFound(path)
        case EACCES, ENOEXEC, EISDIR, EPERM, ETXTBSY: throw .notExecutable(path, code: result)
        default: throw .systemCall(.posixSpawn, code: result)
        }
    }

    private func addStreams(to actions: inout posix_spawn_file_actions_t) throws(ProcessError) {
        for (stream, target) in [(standardInput, STDIN_FILENO), (standardOutput, STDOUT_FILENO), (standardError, STDERR_FILENO)] {
            switch stream {
            case .inherited:
                continue
            case .null:
                try check(posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_RDWR, 0))
            case .descriptor(let descriptor):
                try check(posix_spawn_file_actions_adddup2(&actions, descriptor, target))
            }
        }
    }

    private func configure(_ attributes: inout posix_spawnattr_t) throws(ProcessError) {
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        switch grouping {
        case .inherited: break
        case .processGroup: flags |= Int32(POSIX_SPAWN_SETPGROUP)
        case .session: flags |= LinuxFunctions.spawnSetSessionFlag
        }
        try check(posix_spawnattr_setflags(&attributes, Int16(flags)))
        try check(posix_spawnattr_setpgroup(&attributes, 0))
        var none = sigset_t()
        sigemptyset(&none)
        try check(posix_spawnattr_setsigmask(&attributes, &none))
        // Every signal from 1 to 64, set bit by bit: `sigfillset` leaves out glibc's internal signals
        // 32 and 33, which posix_spawn would then set to SIG_IGN in the child, and an exec'd program
        // keeps them ignored. (SIGKILL and SIGSTOP are refused in the child and stay default.)
        var every = sigset_t()
        every.__val.0 = .max
        try check(posix_spawnattr_setsigdefault(&attributes, &every))
    }

    private func check(_ result: Int32) throws(ProcessError) {
        guard result == 0 else { throw .systemCall(.posixSpawn, code: result) }
    }
}
