import Glibc

/// `--signal SIG` to `--signal-pid`, `--signal-pidfile` and `--signal-name` targets.
///
/// Each notification resolves the targets afresh (the pidfile is read again,
/// `/proc` scanned again), sends the signal once to each process found, and
/// reports what it could not do as warnings: a missing or unreadable pidfile,
/// one that holds no process id, a name no process has, a process that is
/// gone or may not be signalled. None of these is fatal. terwatch never
/// signals itself, and never a process group or "every process" (ids ≤ 0).
public struct SignalNotifier: Hashable, Sendable {
    /// The signal to send.
    public var signal: UnixSignal
    /// The targets, in the order given.
    public var targets: [SignalTarget]

    /// The largest pidfile read; a pid is a few bytes.
    private static let pidFileLimit = 4096

    /// Creates a notifier.
    public init(signal: UnixSignal = .hangup, targets: [SignalTarget]) {
        self.signal = signal
        self.targets = targets
    }

    /// Sends the signal to every target found now.
    public func notify() -> SignalReport {
        var report = SignalReport()
        var seen: Set<Int32> = []
        for target in targets {
            for (pid, label) in processes(of: target, warnings: &report.warnings) where seen.insert(pid).inserted {
                send(to: pid, label: label, into: &report)
            }
        }
        return report
    }

    /// The processes a target stands for now, each with how to name it in a warning.
    private func processes(of target: SignalTarget, warnings: inout [String]) -> [(Int32, String)] {
        switch target {
        case .pid(let pid):
            return [(pid, "process \(pid)")]
        case .pidFile(let path):
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.contents(of: path, limit: Self.pidFileLimit)
            } catch {
                warnings.append(error.isMissing ? "signal pidfile '\(path)' is missing" : error.description)
                return []
            }
            let text = String(decoding: bytes, as: UTF8.self)
            guard let pid = SignalTarget.processID(text) else {
                let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
                warnings.append("signal pidfile '\(path)' holds no process id: '\(shown)'")
                return []
            }
            return [(pid, "process \(pid) (from pidfile '\(path)')")]
        case .name(let name):
            let found = ProcessTable.processes(named: name)
            if found.isEmpty {
                let note = name.utf8.count > ProcessTable.nameLimit
                    ? " (names longer than \(ProcessTable.nameLimit) bytes never match)" : ""
                warnings.append("no process is named '\(name)'" + note)
            }
            return found.map { ($0, "process \($0) named '\(name)'") }
        }
    }

    private func send(to pid: Int32, label: String, into report: inout SignalReport) {
        guard pid > 0 else {
            report.warnings.append("\(label) is not a single process; not signalled")
            return
        }
        guard pid != getpid() else {
            report.warnings.append("\(label) is terwatch itself; not signalled")
            return
        }
        if kill(pid, signal.number) == 0 {
            report.signalled.append(pid)
            return
        }
        switch errno {
        case ESRCH: report.warnings.append("\(label) is gone")
        case EPERM: report.warnings.append("not permitted to signal \(label)")
        case let code:
            report.warnings.append("cannot signal \(label): errno \(code)")
        }
    }
}

/// What one signal notification did.
public struct SignalReport: Hashable, Sendable {
    /// The processes signalled, in target order, each once.
    public var signalled: [Int32] = []
    /// What could not be done, one lowercase sentence each.
    public var warnings: [String] = []

    /// Creates a report.
    public init(signalled: [Int32] = [], warnings: [String] = []) {
        self.signalled = signalled
        self.warnings = warnings
    }
}
