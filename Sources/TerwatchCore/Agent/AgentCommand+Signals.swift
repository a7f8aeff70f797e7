import Glibc

extension AgentCommand {
    /// What a signal to terwatch means to the agent: `HUP` checks the sources now; `TERM`, `INT` and `QUIT` stop it; others mean nothing (nil).
    public init?(_ received: ReceivedSignal) {
        switch received.signal.number {
        case SIGHUP: self = .reload(cause: received.description)
        case SIGTERM, SIGINT, SIGQUIT: self = .stop(cause: received.signal.description)
        default: return nil
        }
    }

    /// The commands the signals of `signals` mean, in order; a `SIGTSTP` (Ctrl-Z) stops terwatch with `SIGSTOP`, as it would without a `SignalCenter`.
    public static func commands(from signals: AsyncStream<ReceivedSignal>) -> AsyncStream<AgentCommand> {
        AsyncStream { continuation in
            let forwarder = Task {
                for await received in signals {
                    if received.signal.number == SIGTSTP {
                        kill(getpid(), SIGSTOP)
                    } else if let command = AgentCommand(received) {
                        continuation.yield(command)
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in forwarder.cancel() }
        }
    }
}
