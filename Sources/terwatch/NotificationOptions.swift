import ArgumentParser
import TerwatchCore

/// Who is told of each committed change, and when (watch).
struct NotificationOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Run by /bin/sh -c CMD after each committed change, with the new environment, TERWATCH_* "
            + "variables and the JSON event on stdin; its failure is logged, never undoes; repeatable.",
        valueName: "cmd"
    ))
    var exec: [String] = []

    @Option(help: ArgumentHelp(
        "Write one JSON event per line to this FIFO (created, mode 0600, if absent); repeatable.",
        valueName: "path"
    ))
    var fifo: [String] = []

    @Option(
        help: ArgumentHelp("Signal to send on change (default HUP): a name, with or without SIG, or a number.", valueName: "sig"),
        transform: NotificationOptions.signal(named:)
    )
    var signal: UnixSignal = .hangup

    @Option(help: ArgumentHelp("Send --signal to this process; repeatable.", valueName: "pid"))
    var signalPid: [String] = []

    @Option(help: ArgumentHelp("Send --signal to the pid in FILE, read at each change; repeatable.", valueName: "file"))
    var signalPidfile: [String] = []

    @Option(help: ArgumentHelp("Send --signal to every process named NAME, like pkill -x; repeatable.", valueName: "name"))
    var signalName: [String] = []

    @Option(help: ArgumentHelp("Settle window: wait until no event for this long (0 allowed).", valueName: "duration"))
    var debounce = DurationValue(.milliseconds(100))

    @Flag(help: "Also send rejected events to FIFOs and exec hooks.")
    var notifyRejections = false

    func validate() throws {
        _ = try targets()
    }

    /// The signal `text` names, or a usage error quoting it.
    static func signal(named text: String) throws -> UnixSignal {
        do {
            return try UnixSignal(parsing: text)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The signal targets, in the order pids, pidfiles, names.
    func targets() throws -> [SignalTarget] {
        let pids = try signalPid.map { text in
            guard let pid = SignalTarget.processID(text) else {
                throw ValidationError("--signal-pid must be a process id above 0, not '\(text)'.")
            }
            return SignalTarget.pid(pid)
        }
        return pids + signalPidfile.map(SignalTarget.pidFile) + signalName.map(SignalTarget.name)
    }
}
