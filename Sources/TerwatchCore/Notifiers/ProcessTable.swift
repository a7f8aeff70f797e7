import Glibc

/// The processes listed in `/proc`, looked up by name.
public enum ProcessTable {
    /// The longest name the kernel keeps in `/proc/PID/comm` (it truncates longer ones).
    public static let nameLimit = 15

    /// Processes whose `/proc/PID/comm` is exactly `name`, by ascending id; never this process.
    ///
    /// Processes that exit during the scan are skipped. A name longer than
    /// `nameLimit` bytes matches nothing, as with `pkill -x`.
    public static func processes(named name: String, procRoot: String = "/proc") -> [Int32] {
        guard let entries = try? FileSystem.names(in: procRoot) else { return [] }
        let own = getpid()
        let wanted = Array(name.utf8) + [UInt8(ascii: "\n")]
        return entries.compactMap { entry -> Int32? in
            guard let pid = SignalTarget.processID(entry), pid != own,
                  let comm = try? FileSystem.contents(of: procRoot + "/" + entry + "/comm", limit: wanted.count + 1),
                  comm == wanted else { return nil }
            return pid
        }.sorted()
    }
}
