import CInotifyTools
import Glibc
import Synchronization

/// The one thread that owns libinotifytools: it blocks in `inotifytools_next_event(0)` and reports events.
///
/// libinotifytools keeps one global, non-thread-safe state, so only this
/// thread ever calls it and only one such thread runs per process. It waits
/// without a timeout, so an idle process makes no wake-ups; a caller stops
/// it by asking in its mailbox and touching the wake file of its private
/// `WakeDirectory`. Watches are added and removed by the caller itself, with
/// the raw inotify calls on the library's descriptor (found through /proc and
/// marked close-on-exec), because the library's own descriptor and path maps
/// go stale; a `WatchTable` under a lock the thread shares names each
/// event's directory, so an update never waits for the thread to be scheduled.
public final class InotifyThread: Sendable {
    /// What the thread reports to its owner, from the thread itself.
    public enum Report: Sendable, Equatable {
        /// An event in a watched directory, or a queue overflow.
        case event(InotifyEvent)
        /// Reading events failed; the thread has stopped.
        case failed(InotifyError)
    }

    /// The outcome of one watch update.
    public struct UpdateResult: Sendable, Equatable {
        /// The kernel descriptor of every directory now watched.
        public var added: [String: Int32] = [:]
        /// The errno of every directory that could not be watched.
        public var failed: [String: Int32] = [:]
    }

    /// The inotify descriptor, marked close-on-exec.
    public let descriptor: Int32
    /// The kernel id of the thread: its entry under /proc/self/task.
    public let taskID: Int32
    let shared: Shared
    let thread: pthread_t

    /// Whether a thread runs in this process (libinotifytools has one global state).
    private static let claimed = Mutex(false)
    /// What the thread running in this process shares, once it has started.
    private static let running = Mutex<Shared?>(nil)

    /// The inotify descriptor of the thread running in this process, if one runs.
    public static var runningDescriptor: Int32? { running.withLock { $0 }?.watches.withLock { $0.descriptor } }

    init(started: Started, shared: Shared) {
        descriptor = started.descriptor
        taskID = started.taskID
        thread = started.thread
        self.shared = shared
    }

    /// Starts the thread, or adopts the one `launchEarly` started; returns once libinotifytools is initialised. `report` is called on the thread.
    public static func start(
        mask: UInt32 = InotifyLibrary.watchMask,
        report: @escaping @Sendable (Report) -> Void
    ) async throws -> InotifyThread {
        let launch = try adoptEarly(mask: mask) ?? launch(mask: mask)
        launch.shared.attach(report)
        let started = try await launch.startup.value()
        return InotifyThread(started: started, shared: launch.shared)
    }

    /// Claims the process's one thread and starts it; its start-up outcome arrives through `Launch.startup`.
    static func launch(mask: UInt32) throws(InotifyError) -> Launch {
        guard claimed.withLock({ taken in defer { taken = true }; return !taken }) else {
            throw .alreadyRunning
        }
        let launch = Launch(shared: Shared(mask: mask | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)), requested: mask)
        let context = Unmanaged.passRetained(launch).toOpaque()
        var thread = pthread_t()
        let code = pthread_create(&thread, nil, { context in
            InotifyThread.main(Unmanaged<Launch>.fromOpaque(context!).takeRetainedValue())
            return nil
        }, context)
        if code != 0 {
            Unmanaged<Launch>.fromOpaque(context).release()
            release()
            throw .system(call: "pthread_create", path: nil, errno: code)
        }
        return launch
    }

    /// Stops watching `removing`, then watches `adding` (re-adding any already watched); once stopped, every directory fails with EBADF.
    public func update(adding: [String], removing: [String] = []) async -> UpdateResult {
        shared.watches.withLock { $0.apply(adding: adding, removing: removing, mask: shared.mask) }
    }

    /// Stops the thread and closes the inotify descriptor; returns once the thread has let go of libinotifytools and removed its wake directory.
    ///
    /// The thread then only returns, so it is detached rather than waited for:
    /// waiting took a scheduling round of its own off every exit of terwatch.
    public func shutdown() async {
        await withCheckedContinuation { requestStop(reply: $0) }
        if shared.mailbox.withLock({ box in defer { box.detached = true }; return !box.detached }) {
            pthread_detach(thread)
        }
    }

    deinit {
        if shared.mailbox.withLock({ box in defer { box.detached = true }; return !box.detached }) {
            requestStop(reply: nil)
            pthread_detach(thread)
        }
    }

    /// The file callers touch to wake the thread.
    var wakeFile: String { shared.mailbox.withLock { $0.wakeFile } }

    /// Asks the thread to stop and wakes it; `reply` is resumed once it has cleaned up (at once when it already has).
    func requestStop(reply: CheckedContinuation<Void, Never>?) {
        let wakeFile: String? = shared.mailbox.withLock { box in
            guard !box.stopped else { return nil }
            box.stopRequested = true
            if let reply { box.stopReplies.append(reply) }
            return box.wakeFile
        }
        guard let wakeFile else {
            reply?.resume()
            return
        }
        WakeDirectory.wake(wakeFile)
    }

    static func release() {
        claimed.withLock { $0 = false }
    }

    private static func main(_ launch: Launch) {
        var signals = sigset_t()
        sigfillset(&signals)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        var owner: Owner
        do {
            owner = try Owner.open(shared: launch.shared)
        } catch {
            pthread_detach(pthread_self())
            release()
            return launch.startup.finish(.failure(error))
        }
        launch.shared.watches.withLock { $0.descriptor = owner.descriptor }
        running.withLock { $0 = launch.shared }
        launch.startup.finish(.success(Started(
            descriptor: owner.descriptor, taskID: terwatch_gettid(), thread: pthread_self())))
        owner.run()
        owner.close()
    }
}

extension InotifyThread {
    struct Mailbox: Sendable {
        /// Whether a caller asked the thread to stop.
        var stopRequested = false
        /// The callers waiting for the thread to have stopped.
        var stopReplies: [CheckedContinuation<Void, Never>] = []
        var wakeFile = ""
        var stopped = false
        var detached = false
    }

    final class Shared: Sendable {
        let mailbox = Mutex(Mailbox())
        let watches = Mutex(Watches())
        let mask: UInt32
        /// Where reports go once the owner has attached; until then they wait here.
        private let sink = Mutex<(deliver: (@Sendable (Report) -> Void)?, waiting: [Report])>((nil, []))

        init(mask: UInt32) {
            self.mask = mask
        }

        /// Sends every report, those that waited first, to `deliver` from now on.
        func attach(_ deliver: @escaping @Sendable (Report) -> Void) {
            let waiting = sink.withLock { sink in
                sink.deliver = deliver
                defer { sink.waiting = [] }
                return sink.waiting
            }
            waiting.forEach(deliver)
        }

        /// Hands `report` to the owner, or keeps it until one attaches.
        func report(_ report: Report) {
            let deliver = sink.withLock { sink in
                if sink.deliver == nil { sink.waiting.append(report) }
                return sink.deliver
            }
            deliver?(report)
        }
    }

    struct Started: Sendable {
        let descriptor: Int32
        let taskID: Int32
        let thread: pthread_t
    }

    /// What a new thread starts with, and how its start-up ends.
    final class Launch: Sendable {
        let shared: Shared
        /// The mask the launcher asked for, before the flags every watch gets.
        let requested: UInt32
        let startup = StartupOutcome()
        init(shared: Shared, requested: UInt32) {
            self.shared = shared
            self.requested = requested
        }
    }

    /// The thread's own state; lives on the thread's stack and is never shared.
    private struct Owner {
        let shared: Shared
        let descriptor: Int32
        var wake: WakeDirectory
        var wakeWD: Int32

        /// Initialises libinotifytools, watches a new wake directory and finds the descriptor.
        static func open(shared: Shared) throws(InotifyError) -> Owner {
            guard inotifytools_initialize() != 0 else {
                throw .system(call: "inotify_init", path: nil, errno: inotifytools_error())
            }
            var made: WakeDirectory?
            do throws(InotifyError) {
                let wake = try WakeDirectory.create()
                made = wake
                guard inotifytools_watch_file(wake.path, Int32(bitPattern: WakeDirectory.mask)) != 0 else {
                    throw .system(call: "inotify_add_watch", path: wake.path, errno: inotifytools_error())
                }
                let inode = try InotifyDescriptor.inode(of: wake.path)
                guard let (descriptor, wd) = InotifyDescriptor.find(watchingInode: inode) else {
                    throw .descriptorNotFound
                }
                guard descriptor < FD_SETSIZE else { throw .descriptorTooHigh(descriptor) }
                try InotifyDescriptor.setCloseOnExec(descriptor)
                shared.mailbox.withLock { $0.wakeFile = wake.wakeFile }
                return Owner(shared: shared, descriptor: descriptor, wake: wake, wakeWD: wd)
            } catch {
                made?.remove()
                inotifytools_cleanup()
                throw error
            }
        }

        /// Reads events until a shutdown command or a read failure.
        mutating func run() {
            while true {
                guard let raw = inotifytools_next_event(0) else {
                    let code = inotifytools_error()
                    if code == EINTR { continue }
                    return shared.report(.failed(.system(call: "inotifytools_next_event", path: nil, errno: code)))
                }
                let wd = raw.pointee.wd
                let mask = raw.pointee.mask
                if wd == wakeWD {
                    guard repairWake(after: mask), !shared.mailbox.withLock({ $0.stopRequested }) else { return }
                    continue
                }
                let directory = shared.watches.withLock { watches in
                    defer { if mask & UInt32(IN_IGNORED) != 0 { _ = watches.table.drop(wd: wd) } }
                    return watches.table.directory(of: wd)
                }
                let event = InotifyEvent(
                    wd: wd, mask: mask, cookie: raw.pointee.cookie,
                    name: String(cString: terwatch_inotify_event_name(raw)), directory: directory)
                if event.directory != nil || event.isOverflow { shared.report(.event(event)) }
            }
        }

        /// Recreates the wake file or directory when someone removed or moved them; false when that failed.
        mutating func repairWake(after mask: UInt32) -> Bool {
            do throws(InotifyError) {
                if mask & (UInt32(IN_IGNORED) | UInt32(IN_MOVE_SELF)) != 0 {
                    if mask & UInt32(IN_MOVE_SELF) != 0 { inotify_rm_watch(descriptor, wakeWD) }
                    let fresh = try WakeDirectory.create()
                    let wd = inotify_add_watch(descriptor, fresh.path, WakeDirectory.mask)
                    guard wd >= 0 else {
                        fresh.remove()
                        throw .system(call: "inotify_add_watch", path: fresh.path, errno: errno)
                    }
                    wake.remove()
                    (wake, wakeWD) = (fresh, wd)
                    shared.mailbox.withLock { $0.wakeFile = fresh.wakeFile }
                } else if mask & UInt32(IN_DELETE) != 0 {
                    try wake.ensureWakeFile()
                }
                return true
            } catch {
                shared.report(.failed(error))
                return false
            }
        }

        /// Closes libinotifytools, removes the wake directory, answers every caller waiting for the stop.
        mutating func close() {
            InotifyThread.running.withLock { $0 = nil }
            // No update may use the descriptor once libinotifytools has closed it (its number may be reused).
            shared.watches.withLock { $0.descriptor = nil }
            inotifytools_cleanup()
            wake.remove()
            let replies = shared.mailbox.withLock { box in
                box.stopped = true
                defer { box.stopReplies = [] }
                return box.stopReplies
            }
            InotifyThread.release()
            for reply in replies { reply.resume() }
        }
    }
}

extension InotifyThread {
    /// The watched directories, shared by the callers that change them and the thread that names events with them.
    struct Watches: Sendable {
        var table = WatchTable()
        /// The inotify descriptor while the thread runs; nil before and after.
        var descriptor: Int32?

        /// Stops watching `removing`, then watches `adding` with `mask`; with no descriptor, every directory of `adding` fails with EBADF.
        mutating func apply(adding: [String], removing: [String], mask: UInt32) -> UpdateResult {
            guard let descriptor else {
                return UpdateResult(failed: Dictionary(adding.map { ($0, EBADF) }, uniquingKeysWith: { first, _ in first }))
            }
            var result = UpdateResult()
            for directory in removing + adding {
                if let wd = table.remove(directory: directory) { inotify_rm_watch(descriptor, wd) }
            }
            for directory in adding {
                let wd = inotify_add_watch(descriptor, directory, mask)
                if wd < 0 {
                    result.failed[directory] = errno
                } else {
                    table.insert(wd: wd, directory: directory)
                    result.added[directory] = wd
                }
            }
            return result
        }
    }
}
