import ArgumentParser
import TerwatchCore

/// How the wrapped child is treated: on change, at stop, when it exits by itself (run).
struct WrapOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "What the child gets on a committed change: restart it, send it --signal (its process group), or none.",
        valueName: "action"
    ))
    var onChange: ChangeAction = .restart

    @Option(
        help: ArgumentHelp("Signal that stops the child's process group (default TERM).", valueName: "sig"),
        transform: NotificationOptions.signal(named:)
    )
    var stopSignal: UnixSignal = .terminate

    @Option(help: ArgumentHelp("How long a stopped child has before SIGKILL to its group.", valueName: "duration"))
    var stopTimeout = DurationValue(.seconds(10))

    @Option(help: ArgumentHelp(
        "When the child exits by itself: never (terwatch exits with its status), on-failure or always, with backoff.",
        valueName: "when"
    ))
    var restart: RestartPolicy = .never

    @Option(help: ArgumentHelp(
        "If the child started after a reload fails within this window, go back to the last healthy configuration.",
        valueName: "duration"
    ))
    var rollbackWindow: DurationValue?

    /// The supervisor's policy.
    var policy: SupervisorPolicy {
        SupervisorPolicy(
            restart: restart, stopSignal: stopSignal, stopTimeout: stopTimeout.duration,
            rollbackWindow: rollbackWindow?.duration)
    }
}
