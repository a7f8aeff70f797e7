/// The command the supervisor runs: a program, its arguments, where to look for it, and its standard streams.
public struct ChildCommand: Hashable, Sendable {
    /// A path (containing a slash), or a bare name looked up in `searchPath`.
    public var executable: String
    /// The arguments after `argv[0]` (which is `executable` as given).
    public var arguments: [String]
    /// The directories searched for a bare `executable`; nil uses the PATH entry of the child's environment, or `/bin:/usr/bin` without one.
    public var searchPath: String?
    /// The child's standard input; inherited by default.
    public var standardInput: Spawner.Stream = .inherited
    /// The child's standard output; inherited by default.
    public var standardOutput: Spawner.Stream = .inherited
    /// The child's standard error; inherited by default.
    public var standardError: Spawner.Stream = .inherited
    /// The terminal the child is made the foreground process group of, while terwatch's group is; nil: none.
    public var terminal: ControllingTerminal?

    /// The command `executable arguments…`, its standard streams inherited.
    public init(executable: String, arguments: [String] = [], searchPath: String? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.searchPath = searchPath
    }

    /// The path that runs for a child with `environment`, found as `Spawner` finds it (127 / 126 errors name it).
    func resolvedExecutable(environment: [String]) throws(ProcessError) -> String {
        try Spawner(executable: executable, arguments: arguments, environment: environment, searchPath: searchPath)
            .resolvedExecutable()
    }
}
