import CInotifyTools
import Glibc
import Synchronization

/// A thread of its own that takes signals with `sigwaitinfo(2)` and hands each to a callback.
///
/// No signal handler runs anywhere: the signals stay blocked, so the kernel
/// keeps them pending until this thread takes them. The thread is born with
/// every signal blocked (the starting thread blocks them all around
/// `pthread_create`), so no signal can reach it before it waits; it waits
/// with no timeout, so an idle process makes no wake-ups. A signal sent to
/// the process is taken here only if every other thread blocks it too
/// (`SignalCenter` sees to that); a signal sent to this thread alone
/// (`pthread_kill`) is always taken here, which is how the tests drive it.
final class SignalWaiter: Sendable {
    /// The thread, for `pthread_kill`.
    let thread: pthread_t
    private let signals: [UnixSignal]
    private let shared: Shared
    private let launch: Launch

    /// The kernel id of the thread (its entry under /proc/self/task); waits until the thread has run.
    var taskID: Int32 { launch.publishedTaskID() }

    /// Starts a thread that waits for `signals` and calls `deliver` on it for each one taken, in order.
    static func start(
        _ signals: [UnixSignal], deliver: @escaping @Sendable (ReceivedSignal) -> Void
    ) throws(SignalError) -> SignalWaiter {
        precondition(!signals.isEmpty, "a signal waiter needs at least one signal")
        let shared = Shared(set: signalSet(signals), deliver: deliver)
        let launch = Launch(shared: shared)
        var everything = sigset_t()
        var previous = sigset_t()
        sigfillset(&everything)
        pthread_sigmask(SIG_SETMASK, &everything, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        var thread = pthread_t()
        let context = Unmanaged.passRetained(launch).toOpaque()
        let code = pthread_create(&thread, nil, { context in
            SignalWaiter.main(Unmanaged<Launch>.fromOpaque(context!).takeRetainedValue())
            return nil
        }, context)
        guard code == 0 else {
            Unmanaged<Launch>.fromOpaque(context).release()
            throw .system(call: "pthread_create", errno: code)
        }
        return SignalWaiter(thread: thread, signals: signals, shared: shared, launch: launch)
    }

    private init(thread: pthread_t, signals: [UnixSignal], shared: Shared, launch: Launch) {
        self.thread = thread
        self.signals = signals
        self.shared = shared
        self.launch = launch
    }

    /// Ends the thread and joins it; signals that arrive afterwards stay pending. Idempotent.
    func stop() {
        guard !shared.stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        pthread_kill(thread, signals[0].number)
        pthread_join(thread, nil)
    }

    deinit {
        stop()
    }

    /// The `sigset_t` holding exactly `signals`.
    static func signalSet(_ signals: [UnixSignal]) -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in signals { sigaddset(&set, signal.number) }
        return set
    }

    private static func main(_ launch: Launch) {
        launch.publish(taskID: terwatch_gettid())
        let shared = launch.shared
        var set = shared.set
        var info = siginfo_t()
        while true {
            let number = sigwaitinfo(&set, &info)
            if shared.stopping.load(ordering: .acquiring) { return }
            if number < 0 {
                if errno == EINTR { continue }
                return
            }
            guard let signal = UnixSignal(number: number) else { continue }
            shared.deliver(ReceivedSignal(signal: signal, senderPID: info._sifields._kill.si_pid, code: info.si_code))
        }
    }
}

extension SignalWaiter {
    /// What the thread and its owner share.
    private final class Shared: Sendable {
        let set: sigset_t
        let deliver: @Sendable (ReceivedSignal) -> Void
        let stopping = Atomic(false)
        init(set: sigset_t, deliver: @escaping @Sendable (ReceivedSignal) -> Void) {
            self.set = set
            self.deliver = deliver
        }
    }

    /// Hands the new thread its state and brings its kernel id back to the starter.
    private final class Launch: @unchecked Sendable {
        // The semaphore is made for exactly this cross-thread hand-off; `taskID` is
        // written once, before the first `sem_post`, and read after a `sem_wait`, which order the two.
        let shared: Shared
        private let posted = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
        private var taskID: Int32 = 0

        init(shared: Shared) {
            self.shared = shared
            sem_init(posted, 0, 0)
        }

        deinit {
            sem_destroy(posted)
            posted.deallocate()
        }

        /// Called once by the new thread.
        func publish(taskID: Int32) {
            self.taskID = taskID
            sem_post(posted)
        }

        /// The id the thread published; returns once it has (the semaphore is posted again for the next caller).
        func publishedTaskID() -> Int32 {
            while sem_wait(posted) != 0 {}
            sem_post(posted)
            return taskID
        }
    }
}
