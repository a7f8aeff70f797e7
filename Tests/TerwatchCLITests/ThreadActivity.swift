import Foundation
import Testing

/// The threads of a running process and how often each has gone to sleep (`voluntary_ctxt_switches`), from /proc/PID/task.
struct ThreadActivity: Equatable, CustomStringConvertible {
    /// Thread id → voluntary context switches so far.
    let switches: [Int32: Int]
    /// Thread id → the state letter of /proc/PID/task/TID/stat (`S` sleeping, `R` running, …).
    let states: [Int32: String]

    /// A snapshot of every thread of `pid`.
    init(of pid: Int32) {
        var switches: [Int32: Int] = [:]
        var states: [Int32: String] = [:]
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        for task in tasks {
            guard let tid = Int32(task),
                  let status = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8) else { continue }
            for line in status.split(separator: "\n") {
                let fields = line.split(separator: "\t", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard fields.count == 2 else { continue }
                if fields[0] == "voluntary_ctxt_switches:" { switches[tid] = Int(fields[1]) }
                if fields[0] == "State:" { states[tid] = String(fields[1].prefix(1)) }
            }
        }
        self.switches = switches
        self.states = states
    }

    /// Whether every thread sleeps (none running or in an uninterruptible wait).
    var allAsleep: Bool { !states.isEmpty && states.values.allSatisfy { $0 == "S" } }

    var description: String {
        switches.keys.sorted().map { "\($0) \(states[$0] ?? "?") \(switches[$0]!)" }.joined(separator: ", ")
    }

    /// The snapshot after every thread of `pid` has been asleep twice in a row, 10 ms apart; nil at the deadline.
    static func settled(_ pid: Int32) -> ThreadActivity? {
        var last: ThreadActivity?
        let calm = ProcStat.eventually {
            let now = ThreadActivity(of: pid)
            defer { last = now }
            return now.allAsleep && now == last
        }
        return calm ? last : nil
    }

    /// Requires that no thread of `pid` wakes up over `seconds` once all of them sleep.
    static func expectIdle(_ pid: Int32, for seconds: UInt32 = 2, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try #require(settled(pid), "the threads never all slept: \(ThreadActivity(of: pid))",
                                  sourceLocation: sourceLocation)
        sleep(seconds)
        let after = ThreadActivity(of: pid)
        #expect(after.switches == before.switches, "woken: before \(before), after \(after)", sourceLocation: sourceLocation)
    }
}
