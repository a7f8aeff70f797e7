import Foundation
import Glibc

/// What /proc/PID/stat says of a process, and bounded polling on such readings.
struct ProcStat {
    /// The state letter: `R`, `S`, `T` (stopped), `Z` (zombie)…
    var state: Character
    /// The parent's pid.
    var parent: pid_t
    /// The process group.
    var group: pid_t
    /// The session.
    var session: pid_t
    /// The foreground process group of the process's controlling terminal; -1 without one.
    var terminalForeground: pid_t

    /// The stat of `pid`; nil when there is no such process.
    init?(_ pid: pid_t) {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        // After "pid (comm) ": state, ppid, pgrp, session, tty_nr, tpgid.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 5, let state = fields[0].first, let parent = pid_t(fields[1]), let group = pid_t(fields[2]),
              let session = pid_t(fields[3]), let foreground = pid_t(fields[5]) else { return nil }
        (self.state, self.parent, self.group, self.session, terminalForeground) = (state, parent, group, session, foreground)
    }

    /// The stat of every process in /proc, by pid.
    static func all() -> [(pid: pid_t, stat: ProcStat)] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry in
            guard let pid = pid_t(entry), let stat = ProcStat(pid) else { return nil }
            return (pid, stat)
        }
    }

    /// Whether `condition` holds, checked every 10 ms until it does or `limit` has passed.
    static func eventually(within limit: TimeInterval = AgentProcess.deadline, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(limit)
        while !condition() {
            if Date() >= end { return false }
            usleep(10_000)
        }
        return true
    }
}
