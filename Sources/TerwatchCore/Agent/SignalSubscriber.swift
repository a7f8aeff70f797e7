/// `--signal SIG` to the `--signal-pid`, `--signal-pidfile` and `--signal-name` targets, at each reload (never at a rejection).
///
/// Targets are resolved afresh each time (`SignalNotifier`); a missing
/// pidfile, a vanished process or a name nobody has is a warning, never fatal.
struct SignalSubscriber: Subscriber {
    let notifier: SignalNotifier
    let logger: Logger

    var takesRejections: Bool { false }

    var takesRollbacks: Bool { false }

    func receive(_ event: AgentEvent) async {
        let report = notifier.notify()
        for warning in report.warnings {
            logger.warning("signal-failed", ["problem": .string(warning)])
        }
        if !report.signalled.isEmpty {
            logger.debug("signalled", [
                "signal": .string(notifier.signal.description),
                "pids": .list(report.signalled.map { String($0) }),
                "generation": .integer(event.generation),
            ])
        }
    }
}
