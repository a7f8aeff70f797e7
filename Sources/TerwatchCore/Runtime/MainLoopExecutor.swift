@_spi(ExperimentalCustomExecutors) @_spi(ExperimentalScheduling) import _Concurrency
import Glibc

/// The default executor of the `terwatch` binary: one queue of jobs, timers included, drained by the thread that calls `run(until:)`.
///
/// Why not the runtime's own: on Linux it hands tasks to libdispatch's global
/// pool, and the pool's first worker thread starts a monitor timer that fires
/// once a second for the rest of the process (swift-corelibs-libdispatch,
/// `src/event/workqueue.c`), so an idle agent would wake up every second. This
/// loop sleeps in `pthread_cond_wait` with no deadline when no timer is armed,
/// and until the earliest timer otherwise: an idle agent never wakes.
///
/// Jobs run one at a time, on one thread. terwatch's tasks never block for
/// long — every blocking call has a thread of its own (inotify, signals, pidfd
/// polling, spawning, hook pipes) — so one thread is enough, and it is the main
/// thread, which would otherwise only wait for the command to finish.
final class MainLoopExecutor: TaskExecutor, SchedulingExecutor, @unchecked Sendable {
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let wakeUp = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Jobs ready to run, in arrival order; guarded by `lock`.
    private var ready: [UnownedJob] = []
    /// Jobs waiting for a deadline; guarded by `lock`.
    private var timers = TimerQueue<UnownedJob>()

    init() {
        pthread_mutex_init(lock, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(wakeUp, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(wakeUp)
        pthread_mutex_destroy(lock)
        wakeUp.deallocate()
        lock.deallocate()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        locked { ready.append(job) }
    }

    func enqueue<C: Clock>(_ job: consuming ExecutorJob, at instant: C.Instant, tolerance: C.Duration?, clock: C) {
        enqueue(job, after: clock.now.duration(to: instant), tolerance: tolerance, clock: clock)
    }

    /// Arms a timer; a clock whose durations are not `Duration` (none in terwatch) is taken as already due.
    func enqueue<C: Clock>(_ job: consuming ExecutorJob, after delay: C.Duration, tolerance: C.Duration?, clock: C) {
        let job = UnownedJob(job)
        let deadline = (delay as? Duration).map(MonotonicClock.deadline(after:)) ?? MonotonicClock.now()
        locked { timers.insert(job, deadline: deadline) }
    }

    /// Runs jobs on the calling thread until `finished` holds (checked after each batch of jobs).
    func run(until finished: () -> Bool) {
        while !finished() {
            for job in nextBatch() {
                job.runSynchronously(on: asUnownedTaskExecutor())
            }
        }
    }

    /// Waits until a job is ready or a timer is due, then takes every such job.
    private func nextBatch() -> [UnownedJob] {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        while true {
            ready += timers.removeDue(now: MonotonicClock.now())
            if !ready.isEmpty {
                defer { ready.removeAll(keepingCapacity: true) }
                return ready
            }
            if let deadline = timers.earliestDeadline {
                var time = MonotonicClock.absoluteTime(deadline)
                pthread_cond_timedwait(wakeUp, lock, &time)
            } else {
                pthread_cond_wait(wakeUp, lock)
            }
        }
    }

    /// Runs `change` under the lock and wakes the loop.
    private func locked(_ change: () -> Void) {
        pthread_mutex_lock(lock)
        change()
        pthread_cond_signal(wakeUp)
        pthread_mutex_unlock(lock)
    }
}
