extension Supervisor {
    mutating func stop(_ signal: UnixSignal?, at now: Duration) -> [Action] {
        switch state {
        case .idle:
            return finish(.signaled((signal ?? policy.stopSignal).number))
        case .starting(let configuration, _):
            state = .starting(configuration, pending: .stop(signal: signal))
            return []
        case .running(let child):
            return beginStop(child, with: signal ?? policy.stopSignal, at: now, then: .exit)
        case .stopping(let child, let deadline, let killed, _):
            state = .stopping(child, deadline: deadline, killed: killed, then: .exit)
            return signal.map { [.signal($0, group: child.pid)] } ?? []
        case .backingOff, .awaitingRollback:
            return finish(lastStatus ?? .signaled((signal ?? policy.stopSignal).number))
        case .exited:
            return []
        }
    }

    mutating func restart(_ configuration: ChildConfiguration, at now: Duration) -> [Action] {
        switch state {
        case .exited, .stopping(_, _, _, .exit), .starting(_, .stop):
            // Shutting down: a change no longer starts anything.
            return []
        default:
            break
        }
        self.configuration = configuration
        failures = 0
        switch state {
        case .idle, .backingOff, .awaitingRollback:
            return launch()
        case .starting(let launching, _):
            state = .starting(launching, pending: .restart)
            return []
        case .running(let child):
            return beginStop(child, with: policy.stopSignal, at: now, then: .restart)
        case .stopping, .exited:
            // The restart under way starts the newest configuration.
            return []
        }
    }

    mutating func spawned(_ pid: Int32, at now: Duration) -> [Action] {
        guard case .starting(let launched, let pending) = state else { return [] }
        hasStarted = true
        let child = Child(
            pid: pid, generation: launched.generation, since: now,
            probationEnds: isOnProbation(launched.generation) ? policy.rollbackWindow.map { now + $0 } : nil
        )
        state = .running(child)
        let started: [Action] = [.report(.started(pid: pid, generation: launched.generation))]
        let queued = signalsWhileStarting.map { Action.signal($0, group: pid) }
        signalsWhileStarting = []
        switch pending {
        case nil: return started + queued
        case .restart: return started + beginStop(child, with: policy.stopSignal, at: now, then: .restart)
        case .stop(let signal): return started + beginStop(child, with: signal ?? policy.stopSignal, at: now, then: .exit)
        }
    }

    mutating func spawnFailed(_ status: ExitStatus, reason: String, at now: Duration) -> [Action] {
        guard case .starting(let launched, let pending) = state else { return [] }
        lastStatus = status
        let reported: [Action] = [.report(.spawnFailed(reason: reason, status: status))]
            + signalsWhileStarting.map { .report(.signalDropped($0)) }
        signalsWhileStarting = []
        guard hasStarted else { return reported + finish(status) }
        switch pending {
        case .stop: return reported + finish(status)
        case .restart: return reported + launch()
        case nil: return reported + ended(launched.generation, onProbation: isOnProbation(launched.generation), status, at: now)
        }
    }

    mutating func childExited(_ pid: Int32, _ status: ExitStatus, at now: Duration) -> [Action] {
        switch state {
        case .running(let child) where child.pid == pid:
            var actions = [reportExit(child, status, at: now)]
            var onProbation = child.probationEnds != nil
            if let ends = child.probationEnds, now >= ends {
                // The window ended before its timer was handled: the child did outlive it.
                actions += provedHealthy(child.generation)
                onProbation = false
            }
            return actions + ended(child.generation, onProbation: onProbation, status, at: now, uptime: now - child.since)
        case .stopping(let child, _, _, let then) where child.pid == pid:
            lastStatus = status
            let reported = reportExit(child, status, at: now)
            switch then {
            case .exit: return [reported] + finish(status)
            case .restart: return [reported] + launch()
            }
        default:
            return []
        }
    }

    mutating func childInterrupted(_ pid: Int32, _ status: ExitStatus, at now: Duration) -> [Action] {
        guard case .running(let child) = state, child.pid == pid else { return childExited(pid, status, at: now) }
        lastStatus = status
        return [reportExit(child, status, at: now)] + finish(status)
    }

    mutating func timerFired(at now: Duration) -> [Action] {
        switch state {
        case .running(var child):
            guard let ends = child.probationEnds, now >= ends else { return [] }
            child.probationEnds = nil
            state = .running(child)
            return provedHealthy(child.generation)
        case .stopping(let child, let deadline, false, let then) where now >= deadline:
            state = .stopping(child, deadline: deadline, killed: true, then: then)
            return [.signal(.kill, group: child.pid), .report(.stopTimedOut(pid: child.pid))]
        case .backingOff(let until) where now >= until:
            return launch()
        default:
            return []
        }
    }

    /// The restart policy for a child that ended by itself (or the caller's "no rollback").
    mutating func applyRestartPolicy(after status: ExitStatus, at now: Duration) -> [Action] {
        guard policy.restart.restarts(after: status) else { return finish(status) }
        failures += 1
        let delay = policy.backoff.delay(attempt: failures)
        state = .backingOff(until: now + delay)
        return [.report(.backingOff(attempt: failures, delay: delay))]
    }

    /// A child of `generation` ended by itself (or failed to start) after `uptime`: judge its health, then restart or finish.
    private mutating func ended(
        _ generation: Int, onProbation: Bool, _ status: ExitStatus, at now: Duration, uptime: Duration = .zero
    ) -> [Action] {
        lastStatus = status
        if uptime >= policy.backoff.resetAfter { failures = 0 }
        guard onProbation, status != .exited(0) else { return applyRestartPolicy(after: status, at: now) }
        let canRollBack = healthyGeneration != nil
        let reported: [Action] = [.report(.unhealthy(generation: generation, status: status, awaitingRollback: canRollBack))]
        guard canRollBack else { return reported + applyRestartPolicy(after: status, at: now) }
        state = .awaitingRollback(failed: status)
        return reported
    }

    private func isOnProbation(_ generation: Int) -> Bool {
        policy.rollbackWindow != nil && generation != healthyGeneration
    }

    private mutating func provedHealthy(_ generation: Int) -> [Action] {
        healthyGeneration = generation
        return [.report(.healthy(generation: generation))]
    }

    mutating func launch() -> [Action] {
        guard let configuration else { return [] }
        state = .starting(configuration, pending: nil)
        return [.spawn(configuration)]
    }

    /// Sends the stop signal, then SIGCONT (as systemd does): a child stopped by a forwarded TSTP handles its stop signal at once instead of waiting out the timeout.
    private mutating func beginStop(_ child: Child, with signal: UnixSignal, at now: Duration, then: AfterStop) -> [Action] {
        state = .stopping(child, deadline: now + policy.stopTimeout, killed: false, then: then)
        var actions: [Action] = [.signal(signal, group: child.pid)]
        if signal != .kill && signal != Self.resume { actions.append(.signal(Self.resume, group: child.pid)) }
        return actions + [.report(.stopping(pid: child.pid, signal: signal))]
    }

    private func reportExit(_ child: Child, _ status: ExitStatus, at now: Duration) -> Action {
        .report(.exited(pid: child.pid, status: status, uptime: now - child.since))
    }

    private mutating func finish(_ status: ExitStatus) -> [Action] {
        state = .exited(status)
        return [.exit(status)]
    }
}
