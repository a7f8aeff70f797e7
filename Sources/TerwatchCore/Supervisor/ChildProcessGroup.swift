import Glibc
import Synchronization

/// The supervised child's process group: signals it only while its leader is unreaped, and kills what is left of it when the leader exits.
///
/// The group id is the leader's pid. While the leader has not been reaped, its
/// zombie holds that pid, so the group id cannot name anybody else's group;
/// once it is reaped, a new process may get the same number. `send` and
/// `leaderExited` share a lock and `leaderExited` runs before the reap
/// (`ChildExitWatcher.exitStatus(of:beforeReaping:)`), so no signal ever
/// reaches a stale group; `remnant()` then finds who is left. When the leader exits, for whatever reason, the rest
/// of the group gets SIGKILL at once: a grandchild that traps the stop signal,
/// or one left running by a leader that exited by itself, must not hold the
/// old child's port or files while the next child starts. Processes that left
/// the group (`setsid`, `setpgid`) are not reached; as terwatch's orphans they
/// are reaped when they exit (`OrphanReaper`).
final class ChildProcessGroup: Sendable {
    /// The leader's pid, which is the group id.
    let leader: Int32
    private let leaderRunning = Mutex(true)

    /// The group of the child `leader`.
    init(leader: Int32) {
        self.leader = leader
    }

    /// Sends `signal` to the whole group; false (nothing sent) once the leader has exited.
    func send(_ signal: UnixSignal) -> Bool {
        leaderRunning.withLock { running in
            guard running else { return false }
            // ESRCH cannot happen while the leader is unreaped; EPERM (a member changed user) reaches the others anyway.
            kill(-leader, signal.number)
            return true
        }
    }

    /// Makes the group the foreground group of `terminal` if terwatch's group holds it; false when it did not, or once the leader has exited.
    func takeTerminal(_ terminal: ControllingTerminal) -> Bool {
        leaderRunning.withLock { running in running && terminal.give(to: leader) }
    }

    /// Whether the leader has stopped while the group held `terminal`, which is then terwatch's group's again; consumes the leader's stop report.
    func stoppedHoldingTerminal(_ terminal: ControllingTerminal) -> Bool {
        leaderRunning.withLock { running in
            guard running else { return false }
            // WSTOPPED alone never reaps; the unreaped leader keeps the pid ours.
            var info = siginfo_t()
            guard SystemCall.retrying({ waitid(P_PID, id_t(leader), &info, WSTOPPED | WNOHANG) }) == 0,
                  info._sifields._sigchld.si_pid == leader, info.si_code == Int32(CLD_STOPPED) else { return false }
            return terminal.takeBack(from: leader)
        }
    }

    /// Records the leader's exit (call it before reaping the leader) and kills the rest of the group.
    func leaderExited() {
        leaderRunning.withLock { running in
            running = false
            kill(-leader, SIGKILL)
        }
    }

    /// The members still dying after `leaderExited()` (call it once the leader is reaped).
    ///
    /// The usual group is the leader alone, and `kill(-group, 0)` tells that at
    /// once: it finds nobody once the leader's zombie is reaped. Only a group
    /// that still has members is looked for in `/proc`, one file per process on
    /// the system. Its id cannot name another group meanwhile: a group id stays
    /// taken while any member lives. After the group-wide SIGKILL no member can
    /// fork a survivor, so whoever is found is dying.
    func remnant() -> GroupRemnant {
        guard kill(-leader, 0) == 0 || errno != ESRCH else { return GroupRemnant(members: []) }
        return GroupRemnant(members: ProcessGroupScan.liveMembers(of: leader))
    }
}
