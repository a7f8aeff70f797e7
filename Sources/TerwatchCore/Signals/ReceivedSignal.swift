import Glibc

/// One signal taken by a `SignalWaiter`: which signal, who sent it, and how.
public struct ReceivedSignal: Hashable, Sendable, CustomStringConvertible {
    /// The signal.
    public var signal: UnixSignal
    /// The sending process (`si_pid`); 0 when the kernel raised it (a terminal's Ctrl-C, a timer).
    public var senderPID: pid_t
    /// How it was sent (`si_code`): `SI_USER` for kill(2), `SI_TKILL` for tgkill(2), `SI_KERNEL`, `CLD_EXITED`…
    public var code: Int32

    /// Creates a record of a received signal.
    public init(signal: UnixSignal, senderPID: pid_t, code: Int32) {
        self.signal = signal
        self.senderPID = senderPID
        self.code = code
    }

    /// `SIGHUP from pid 42`, or `SIGINT from the kernel`.
    public var description: String {
        senderPID == 0 ? "\(signal) from the kernel" : "\(signal) from pid \(senderPID)"
    }
}
