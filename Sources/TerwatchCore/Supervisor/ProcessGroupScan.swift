/// Finds the live members of a process group by reading `/proc/PID/stat` of every process.
///
/// A scan costs one small read per process on the system (about a
/// millisecond per hundred processes); it runs once per child exit.
enum ProcessGroupScan {
    /// The processes not yet exited (zombies left out) whose process group is `group`.
    static func liveMembers(of group: Int32, procRoot: String = "/proc") -> [Int32] {
        guard let entries = try? FileSystem.names(in: procRoot) else { return [] }
        return entries.compactMap { entry -> Int32? in
            guard let pid = SignalTarget.processID(entry),
                  let stat = try? FileSystem.contents(of: procRoot + "/" + entry + "/stat", limit: 1024),
                  let fields = fields(ofStat: stat), fields.count > 2,
                  fields[0] != "Z", fields[0] != "X", Int32(fields[2]) == group else { return nil }
            return pid
        }
    }

    /// The fields of a `/proc/PID/stat` line after the parenthesised command name: state, parent, group, session…
    static func fields(ofStat bytes: [UInt8]) -> [Substring]? {
        guard let close = bytes.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let rest = String(decoding: bytes[(close + 1)...], as: UTF8.self)
        return rest.split(separator: " ", omittingEmptySubsequences: true)
    }
}
