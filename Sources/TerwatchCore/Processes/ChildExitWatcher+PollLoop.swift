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
                registration.continuation.resume(returning: Self.exitReport(registration.pidfd))
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

    /// The status of the child behind a readable pidfd (so `waitid` returns at once).
    private static func exitReport(_ pidfd: Int32) -> Result<ExitStatus, ProcessError> {
        do throws(ProcessError) {
            guard let status = try peekStatus(pidfd, waiting: true) else { return .failure(.systemCall(.waitid, code: ECHILD)) }
            return .success(status)
        } catch {
            return .failure(error)
        }
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
