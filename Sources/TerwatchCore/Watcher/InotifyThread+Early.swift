import Glibc
import Synchronization

extension InotifyThread {
    /// A thread started by `launchEarly` that no `start` has adopted yet.
    private static let early = Mutex<Launch?>(nil)

    /// Starts the thread now, for `start` to adopt: libinotifytools initialises while the caller does other work.
    ///
    /// For a process that knows it will watch before it knows what (terwatch
    /// starts it while the command line is parsed). Whoever cannot be sure a
    /// `start` follows calls `discardEarly()` before exiting, which removes the
    /// thread's wake directory again. Does nothing when a thread runs already.
    public static func launchEarly(mask: UInt32 = InotifyLibrary.watchMask) {
        guard let launch = try? launch(mask: mask) else { return }
        early.withLock { $0 = launch }
    }

    /// Stops a thread `launchEarly` started that nothing adopted, and waits until it has removed its wake directory.
    public static func discardEarly() {
        if let launch = early.withLock({ early in defer { early = nil }; return early }) { discard(launch) }
    }

    /// The early thread, when it was launched for `mask`; one launched for another mask is discarded.
    static func adoptEarly(mask: UInt32) -> Launch? {
        guard let launch = early.withLock({ early in defer { early = nil }; return early }) else { return nil }
        guard launch.requested == mask else {
            discard(launch)
            return nil
        }
        return launch
    }

    /// Stops the thread of `launch`, once started, and waits for it to end.
    private static func discard(_ launch: Launch) {
        guard case .success(let started) = launch.startup.wait() else { return }
        let thread = InotifyThread(started: started, shared: launch.shared)
        thread.shared.mailbox.withLock { $0.detached = true }
        thread.requestStop(reply: nil)
        pthread_join(started.thread, nil)
    }
}
