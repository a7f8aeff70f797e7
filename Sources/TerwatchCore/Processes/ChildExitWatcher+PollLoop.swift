import Glibc

extension ChildExitWatcher {
    /// The watcher thread: sleeps in `poll()` on the eventfd and every registered pidfd, resumes the waiter of each child that exits, and exits on `shutdown`.
    func run(wake: WakeUpEvent) {
        var watched: [Registration] = []
        while true {
            var descriptors = [pollfd(fd: wake.descriptor, events: Int16(POLLIN), revents: 0)]
            descriptors += watched.map { pollfd(fd: $0.pidfd, events: Int16(POLLIN), revents: 0) }
            let ready = SystemCall.retrying { poll(&descriptors, nfds_t(descriptors.count), -1) }
            if ready < 0 {
                let failure = ProcessError.systemCall(.poll, code: errno)
                for registration in watched { registration.continuation.resume(returning: .failure(failure)) }
                watched = []
                continue
            }
            watched = zip(watched, descriptors.dropFirst()).compactMap { registration, descriptor in
                guard descriptor.revents != 0 else { return registration }
                registration.continuation.resume(returning: Self.peekStatus(registration.pidfd))
                return nil
            }
            guard descriptors[0].revents != 0 else { continue }
            wake.drain()
            let (incoming, stopping) = state.withLock { state in
                defer { state.incoming = [] }
                return (state.incoming, state.stopping)
            }
            watched += incoming
            if stopping { return stop(wake: wake, abandoning: watched) }
        }
    }

    /// How the exited child behind `pidfd` ended, leaving it a zombie for its waiter to reap.
    private static func peekStatus(_ pidfd: Int32) -> Result<ExitStatus, ProcessError> {
        var info = siginfo_t()
        let result = SystemCall.retrying {
            waitid(LinuxFunctions.waitOnPidfd, id_t(pidfd), &info, WEXITED | WNOWAIT)
        }
        guard result == 0 else { return .failure(.systemCall(.waitid, code: errno)) }
        guard let status = ExitStatus(info) else { return .failure(.systemCall(.waitid, code: ECHILD)) }
        return .success(status)
    }

    private func stop(wake: WakeUpEvent, abandoning watched: [Registration]) {
        for registration in watched { registration.continuation.resume(returning: .failure(.watcherStopped)) }
        // `stopping` was seen under the lock, so no one signals the eventfd any more.
        wake.close()
        let waiters = state.withLock { state in
            state.stopped = true
            defer { state.stopWaiters = [] }
            return state.stopWaiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
