/// Who gets `--signal`: a process id, the id in a pidfile (read at each notification), or every process of a name.
public enum SignalTarget: Hashable, Sendable {
    /// `--signal-pid PID`.
    case pid(Int32)
    /// `--signal-pidfile FILE`: read fresh at each notification.
    case pidFile(String)
    /// `--signal-name NAME`: processes whose `/proc/PID/comm` is exactly NAME, like `pkill -x`.
    case name(String)

    /// A process id as written in an option or a pidfile: decimal digits around optional whitespace, above 0.
    ///
    /// Zero and negative ids are refused: `kill` would take them for a process
    /// group or for every process.
    public static func processID(_ text: String) -> Int32? {
        let trimmed = text.utf8.drop { isBlank($0) }.reversed().drop { isBlank($0) }.reversed()
        guard !trimmed.isEmpty, trimmed.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let pid = Int32(String(decoding: trimmed, as: UTF8.self)), pid > 0 else { return nil }
        return pid
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (UInt8(ascii: "\t")...UInt8(ascii: "\r")).contains(byte)
    }
}
