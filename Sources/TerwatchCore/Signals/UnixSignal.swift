import Glibc

/// A signal to send, parsed from `HUP`, `SIGHUP`, `sighup`, `1`, or a real-time name like `RTMIN+2`.
public struct UnixSignal: Hashable, Sendable, CustomStringConvertible {
    /// The signal number.
    public let number: Int32

    /// SIGHUP, the default change signal.
    public static let hangup = UnixSignal(SIGHUP)
    /// SIGTERM, the default stop signal.
    public static let terminate = UnixSignal(SIGTERM)
    /// SIGKILL.
    public static let kill = UnixSignal(SIGKILL)
    /// SIGUSR1.
    public static let user1 = UnixSignal(SIGUSR1)
    /// SIGUSR2.
    public static let user2 = UnixSignal(SIGUSR2)

    /// Standard names without `SIG`, with their aliases (`IOT`, `CLD`, `POLL`).
    private static let names: [(name: String, number: Int32)] = [
        ("HUP", SIGHUP), ("INT", SIGINT), ("QUIT", SIGQUIT), ("ILL", SIGILL), ("TRAP", SIGTRAP),
        ("ABRT", SIGABRT), ("BUS", SIGBUS), ("FPE", SIGFPE), ("KILL", SIGKILL), ("USR1", SIGUSR1),
        ("SEGV", SIGSEGV), ("USR2", SIGUSR2), ("PIPE", SIGPIPE), ("ALRM", SIGALRM), ("TERM", SIGTERM),
        ("STKFLT", SIGSTKFLT), ("CHLD", SIGCHLD), ("CONT", SIGCONT), ("STOP", SIGSTOP), ("TSTP", SIGTSTP),
        ("TTIN", SIGTTIN), ("TTOU", SIGTTOU), ("URG", SIGURG), ("XCPU", SIGXCPU), ("XFSZ", SIGXFSZ),
        ("VTALRM", SIGVTALRM), ("PROF", SIGPROF), ("WINCH", SIGWINCH), ("IO", SIGIO), ("PWR", SIGPWR),
        ("SYS", SIGSYS), ("IOT", SIGIOT), ("CLD", SIGCLD), ("POLL", SIGPOLL),
    ]

    /// The lowest and highest real-time signals this C library leaves to programs.
    private static var realTime: ClosedRange<Int32> { __libc_current_sigrtmin()...__libc_current_sigrtmax() }

    /// The highest signal number.
    public static var highest: Int32 { realTime.upperBound }

    private init(_ number: Int32) {
        self.number = number
    }

    /// The signal numbered `number`, if there is one (1 through `highest`).
    public init?(number: Int32) {
        guard (1...Self.highest).contains(number) else { return nil }
        self.init(number)
    }

    /// Parses a name with or without `SIG` in any case, `RTMIN+N` / `RTMAX-N`, or a number.
    public init(parsing text: String) throws(InvalidSignal) {
        if !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            guard let number = Int32(text), let signal = UnixSignal(number: number) else {
                throw InvalidSignal(text: text, reason: "is not between 1 and \(Self.highest)")
            }
            self = signal
            return
        }
        let upper = text.uppercased()
        let bare = upper.hasPrefix("SIG") ? String(upper.dropFirst(3)) : upper
        if let known = Self.names.first(where: { $0.name == bare }) {
            self.init(known.number)
        } else if let number = Self.realTimeNumber(bare) {
            self.init(number)
        } else {
            throw InvalidSignal(text: text, reason: "is not a signal name or number")
        }
    }

    /// The standard name without `SIG` (`HUP`), or `RTMIN+N` for a real-time signal; nil for a number with no name.
    public var name: String? {
        if let known = Self.names.first(where: { $0.number == number }) { return known.name }
        let range = Self.realTime
        guard range.contains(number) else { return nil }
        return number == range.lowerBound ? "RTMIN" : "RTMIN+\(number - range.lowerBound)"
    }

    /// `SIGHUP`, `SIGRTMIN+2`, or `signal 32` for a number with no name.
    public var description: String {
        name.map { "SIG" + $0 } ?? "signal \(number)"
    }

    /// `RTMIN`, `RTMIN+N`, `RTMAX`, `RTMAX-N` within the real-time range.
    private static func realTimeNumber(_ name: String) -> Int32? {
        let range = realTime
        for (prefix, base, sign) in [("RTMIN", range.lowerBound, Int32(1)), ("RTMAX", range.upperBound, -1)] {
            guard name.hasPrefix(prefix) else { continue }
            let rest = name.dropFirst(prefix.count)
            if rest.isEmpty { return base }
            let expected: Character = sign > 0 ? "+" : "-"
            let digits = rest.dropFirst()
            guard rest.first == expected, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let offset = Int32(digits), offset <= range.upperBound - range.lowerBound else { return nil }
            let number = base + sign * offset
            return range.contains(number) ? number : nil
        }
        return nil
    }
}

/// A `--signal` or `--stop-signal` value that names no signal.
public struct InvalidSignal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The value as given.
    public var text: String
    /// What is wrong with it.
    public var reason: String

    /// `signal 'FOO' is not a signal name or number`.
    public var description: String { "signal '\(text)' \(reason)" }
}
