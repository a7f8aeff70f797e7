import Glibc
import Synchronization

/// terwatch's signals as async streams: no signal handlers, and no wake-ups while nothing arrives.
///
/// `start()` must be the first thing the executable's `main` does, before
/// any other thread exists (no `Task`, no watcher, no Dispatch): it blocks
/// `handled` in the calling thread, so every thread created afterwards is
/// born blocking them, then starts a `SignalWaiter` thread that takes each
/// one with `sigwaitinfo(2)`. Since every thread blocks them, a signal sent
/// to terwatch stays pending until that thread takes it: none is lost, none
/// interrupts a system call, and one that arrives before anybody listens
/// waits in the stream's buffer.
///
/// Dispositions:
/// * `SIGPIPE` is not handled but *ignored*, so a write to a pipe or FIFO
///   with no reader fails with `EPIPE` instead of killing terwatch (a FIFO
///   subscriber that goes away is routine). Ignoring holds in every thread,
///   whatever mask it sets itself; blocking would not. A `SIGPIPE` sent to
///   terwatch with kill(1) is therefore dropped, not forwarded.
/// * `SIGCHLD` is reset to the default, because a parent that left it
///   ignored would make the kernel reap children itself, and `waitpid`
///   would never see their statuses.
/// * `SIGTTOU` and `SIGTTIN` are blocked, so terwatch in the background of a
///   terminal is never stopped by the kernel: with `TOSTOP` its writes go
///   through, and a read fails with `EIO`. Likewise `SIGTSTP` (Ctrl-Z) does
///   not stop terwatch by itself: the consumer forwards it and then stops
///   terwatch with `SIGSTOP`.
///
/// Children must not inherit any of this: spawn them with an empty mask
/// (`POSIX_SPAWN_SETSIGMASK`) and every signal at its default
/// (`POSIX_SPAWN_SETSIGDEF`, with glibc's own 32 and 33 set in the set bit by
/// bit, since `sigfillset` leaves them out and `posix_spawn` would then
/// leave them ignored), as the process spawner does.
public final class SignalCenter: Sendable {
    /// The signals terwatch takes: each is blocked in every thread and arrives on `signals` or `childStatus`.
    ///
    /// Every catchable signal whose default would stop or end terwatch, or
    /// that a wrapped child may want (`WINCH`, `URG`, the real-time ones),
    /// except the ones the kernel raises for a fault of the very thread
    /// (`SEGV`, `BUS`, `FPE`, `ILL`, `TRAP`, `SYS`, `ABRT`), `PIPE` (ignored,
    /// above), and `PROF`, which profilers use and the Swift runtime's crash
    /// backtracer needs to pause the other threads once `USR1` and `USR2` are
    /// blocked. `QUIT` is taken too, so it is forwarded rather than turned
    /// into a crash report by that backtracer.
    public static var handled: [UnixSignal] {
        let named: [Int32] = [
            SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGWINCH, SIGCONT, SIGTSTP, SIGTTIN, SIGTTOU,
            SIGCHLD, SIGALRM, SIGURG, SIGVTALRM, SIGIO, SIGPWR, SIGXCPU, SIGXFSZ, SIGSTKFLT,
        ]
        let realTime = Array(__libc_current_sigrtmin()...__libc_current_sigrtmax())
        return (named + realTime).map { UnixSignal(number: $0)! }
    }

    /// Every handled signal but `SIGCHLD`, in the order taken; one consumer, unbounded buffer.
    public let signals: AsyncStream<ReceivedSignal>
    /// `SIGCHLD`, for the reaper: only the newest is kept, as the kernel merges them anyway.
    ///
    /// A `SIGCHLD` says "some child changed state", not which ones: a
    /// reaper (terwatch as PID 1 or subreaper) must reap in a loop with
    /// `WNOHANG` after every notice, and never rely on `senderPID`. It must
    /// use this stream rather than a `signalfd`, which would compete with the
    /// waiting thread for the same pending signal.
    public let childStatus: AsyncStream<ReceivedSignal>
    private let waiter: SignalWaiter
    private let feeds: Feeds
    private let stopped = Atomic(false)

    /// Whether a center runs in this process: the mask and dispositions are per process.
    private static let claimed = Mutex(false)

    /// Blocks `handled` in the calling thread, ignores `SIGPIPE`, defaults `SIGCHLD`, and starts the waiting thread.
    public static func start() throws(SignalError) -> SignalCenter {
        guard claimed.withLock({ taken in defer { taken = true }; return !taken }) else {
            throw .alreadyRunning
        }
        let taken = Self.handled
        var handled = SignalWaiter.signalSet(taken)
        pthread_sigmask(SIG_BLOCK, &handled, nil)
        signal(SIGPIPE, SIG_IGN)
        signal(SIGCHLD, SIG_DFL)
        let (signals, signalFeed) = AsyncStream<ReceivedSignal>.makeStream(bufferingPolicy: .unbounded)
        let (childStatus, childFeed) = AsyncStream<ReceivedSignal>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let feeds = Feeds(signals: signalFeed, childStatus: childFeed)
        do {
            let waiter = try SignalWaiter.start(taken) { received in
                if received.signal.number == SIGCHLD {
                    childFeed.yield(received)
                } else {
                    signalFeed.yield(received)
                }
            }
            return SignalCenter(signals: signals, childStatus: childStatus, waiter: waiter, feeds: feeds)
        } catch {
            claimed.withLock { $0 = false }
            throw error
        }
    }

    private init(
        signals: AsyncStream<ReceivedSignal>, childStatus: AsyncStream<ReceivedSignal>,
        waiter: SignalWaiter, feeds: Feeds
    ) {
        self.signals = signals
        self.childStatus = childStatus
        self.waiter = waiter
        self.feeds = feeds
    }

    /// The kernel id of the waiting thread: its entry under /proc/self/task.
    public var taskID: Int32 { waiter.taskID }

    /// The waiting thread, for tests that send it a signal of its own with `pthread_kill`.
    var thread: pthread_t { waiter.thread }

    /// Stops the waiting thread and finishes both streams; the mask and dispositions stay as they are. Idempotent.
    public func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        waiter.stop()
        feeds.signals.finish()
        feeds.childStatus.finish()
        Self.claimed.withLock { $0 = false }
    }

    deinit {
        stop()
    }
}

extension SignalCenter {
    /// The two stream ends the waiting thread feeds.
    private struct Feeds: Sendable {
        let signals: AsyncStream<ReceivedSignal>.Continuation
        let childStatus: AsyncStream<ReceivedSignal>.Continuation
    }
}
