/// How important a log line is; `-q` keeps errors only, `-v` adds debug lines.
public enum LogLevel: String, CaseIterable, Hashable, Sendable, Comparable {
    /// Something failed: a rejected reload, a hook that crashed, a child that could not start.
    case error
    /// Something is off but terwatch carries on: a dropped FIFO line, a vanished signal target.
    case warning
    /// What terwatch did: a reload, a restart, a signal sent.
    case info
    /// Why and how: every event, every file read, every timing.
    case debug

    /// More important levels come first: `error < warning < info < debug`.
    public static func < (left: LogLevel, right: LogLevel) -> Bool {
        allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
    }

    /// The least important level written at `verbosity`: errors at `-q`, info by default, debug at `-v`.
    public static func threshold(for verbosity: Verbosity) -> LogLevel {
        switch verbosity {
        case .quiet: .error
        case .normal: .info
        case .verbose: .debug
        }
    }
}
