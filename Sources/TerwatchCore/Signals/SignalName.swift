import Glibc

/// A signal, parsed from and written as its name: `HUP`, `SIGHUP`, `hup` and `1` are the same signal.
///
/// Names are the ones `kill -l` prints, with or without `SIG`, in any case;
/// aliases `IOT`, `CLD` and `POLL` are accepted. Real-time signals are
/// `RTMIN`, `RTMIN+N`, `RTMAX-N` (counted from glibc's `SIGRTMIN`, which
/// skips the two it keeps for itself). A number is any signal number from 1
/// to `SIGRTMAX`; 0 (`kill -0`, which only tests a pid) is not a signal.
public struct SignalName: Hashable, Sendable, CustomStringConvertible {
    /// The signal number.
    public let number: Int32

    /// The signal numbered `number`; nil outside 1 through `SIGRTMAX`.
    public init?(number: Int32) {
        guard number >= 1, number <= Self.realTimeMaximum else { return nil }
        self.number = number
    }

    /// Parses a name (`HUP`, `SIGHUP`, `hup`, `RTMIN+3`) or a number (`1`); nil when it is neither.
    public init?(parsing text: String) {
        guard let number = Self.number(parsing: text) else { return nil }
        self.init(number: number)
    }

    /// The name without `SIG`: `HUP`, `RTMIN+3`, or the number for the two signals glibc keeps (`32`, `33`).
    public var name: String {
        if let name = Self.names[number] { return name }
        let minimum = Self.realTimeMinimum
        let maximum = Self.realTimeMaximum
        if number < minimum { return String(number) }
        if number == minimum { return "RTMIN" }
        if number == maximum { return "RTMAX" }
        return number - minimum <= maximum - number
            ? "RTMIN+\(number - minimum)" : "RTMAX-\(maximum - number)"
    }

    /// `SIGHUP`, `SIGRTMIN+3`; just the number for glibc's own (`32`).
    public var description: String {
        let name = self.name
        return name.first?.isNumber == true ? name : "SIG" + name
    }

    /// The lowest real-time signal programs may use (glibc's `SIGRTMIN`).
    public static var realTimeMinimum: Int32 { __libc_current_sigrtmin() }

    /// The highest real-time signal (glibc's `SIGRTMAX`).
    public static var realTimeMaximum: Int32 { __libc_current_sigrtmax() }

    /// The number `text` names or spells, unchecked against the range.
    private static func number(parsing text: String) -> Int32? {
        if isDigits(text[...]) { return Int32(text) }
        var name = text.uppercased()[...]
        if name.hasPrefix("SIG") { name = name.dropFirst(3) }
        return numbers[String(name)] ?? realTimeNumber(String(name))
    }

    /// Whether `text` is one or more ASCII digits.
    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// `RTMIN`, `RTMIN+N`, `RTMAX`, `RTMAX-N` as a number; nil for anything else or out of range.
    private static func realTimeNumber(_ name: String) -> Int32? {
        for (base, anchor, sign) in [("RTMIN", realTimeMinimum, Int32(1)), ("RTMAX", realTimeMaximum, Int32(-1))]
        where name.hasPrefix(base) {
            let rest = name.dropFirst(base.count)
            if rest.isEmpty { return anchor }
            guard rest.first == (sign > 0 ? "+" : "-") else { return nil }
            let digits = rest.dropFirst()
            guard isDigits(digits), let offset = Int32(digits), offset <= realTimeMaximum - realTimeMinimum
            else { return nil }
            return anchor + sign * offset
        }
        return nil
    }

    /// The Linux signals by name, aliases included.
    private static let numbers: [String: Int32] = {
        var numbers = Dictionary(uniqueKeysWithValues: names.map { ($0.value, $0.key) })
        numbers["IOT"] = SIGIOT
        numbers["CLD"] = SIGCHLD
        numbers["POLL"] = SIGPOLL
        return numbers
    }()

    /// The Linux signals' names, as `kill -l` prints them.
    private static let names: [Int32: String] = [
        SIGHUP: "HUP", SIGINT: "INT", SIGQUIT: "QUIT", SIGILL: "ILL", SIGTRAP: "TRAP", SIGABRT: "ABRT",
        SIGBUS: "BUS", SIGFPE: "FPE", SIGKILL: "KILL", SIGUSR1: "USR1", SIGSEGV: "SEGV", SIGUSR2: "USR2",
        SIGPIPE: "PIPE", SIGALRM: "ALRM", SIGTERM: "TERM", SIGSTKFLT: "STKFLT", SIGCHLD: "CHLD",
        SIGCONT: "CONT", SIGSTOP: "STOP", SIGTSTP: "TSTP", SIGTTIN: "TTIN", SIGTTOU: "TTOU", SIGURG: "URG",
        SIGXCPU: "XCPU", SIGXFSZ: "XFSZ", SIGVTALRM: "VTALRM", SIGPROF: "PROF", SIGWINCH: "WINCH",
        SIGIO: "IO", SIGPWR: "PWR", SIGSYS: "SYS",
    ]
}

extension SignalName {
    /// `SIGHUP`: the terminal hung up; terwatch takes it as "check for a reload now".
    public static let hangup = SignalName(known: SIGHUP)
    /// `SIGINT`: Ctrl-C.
    public static let interrupt = SignalName(known: SIGINT)
    /// `SIGQUIT`: Ctrl-\.
    public static let quit = SignalName(known: SIGQUIT)
    /// `SIGKILL`: cannot be caught, blocked or ignored.
    public static let kill = SignalName(known: SIGKILL)
    /// `SIGUSR1`.
    public static let user1 = SignalName(known: SIGUSR1)
    /// `SIGUSR2`.
    public static let user2 = SignalName(known: SIGUSR2)
    /// `SIGPIPE`: a write to a pipe or socket with no reader.
    public static let brokenPipe = SignalName(known: SIGPIPE)
    /// `SIGALRM`.
    public static let alarm = SignalName(known: SIGALRM)
    /// `SIGTERM`: please stop.
    public static let terminate = SignalName(known: SIGTERM)
    /// `SIGCHLD`: a child exited, stopped or continued.
    public static let childStatus = SignalName(known: SIGCHLD)
    /// `SIGCONT`: resume after a stop.
    public static let resume = SignalName(known: SIGCONT)
    /// `SIGSTOP`: cannot be caught, blocked or ignored.
    public static let stop = SignalName(known: SIGSTOP)
    /// `SIGTSTP`: Ctrl-Z.
    public static let terminalStop = SignalName(known: SIGTSTP)
    /// `SIGTTIN`: a background process read the terminal.
    public static let backgroundRead = SignalName(known: SIGTTIN)
    /// `SIGTTOU`: a background process wrote to a terminal with `TOSTOP`, or changed its settings.
    public static let backgroundWrite = SignalName(known: SIGTTOU)
    /// `SIGWINCH`: the terminal's size changed.
    public static let windowChange = SignalName(known: SIGWINCH)

    private init(known number: Int32) {
        self.number = number
    }
}
