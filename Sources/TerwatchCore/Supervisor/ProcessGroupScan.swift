import Glibc

/// Finds the live members of a process group by reading `/proc/PID/stat` of every process.
///
/// One small read per process on the system, parsed in place (no strings per
/// entry): it runs once per child exit, on the restart path.
enum ProcessGroupScan {
    /// The processes not yet exited (zombies left out) whose process group is `group`.
    static func liveMembers(of group: Int32, procRoot: String = "/proc") -> [Int32] {
        guard let directory = opendir(procRoot) else { return [] }
        defer { closedir(directory) }
        var members: [Int32] = []
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { buffer in
            while let entry = readdir(directory) {
                let pid = withUnsafeBytes(of: &entry.pointee.d_name) { processID($0) }
                guard let pid else { continue }
                let descriptor = open("\(procRoot)/\(pid)/stat", O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else { continue }
                let count = SystemCall.retrying { read(descriptor, buffer.baseAddress, buffer.count) }
                SystemCall.close(descriptor)
                guard count > 0, let (state, processGroup) = stateAndGroup(UnsafeBufferPointer(rebasing: buffer[..<count])),
                      processGroup == group, state != UInt8(ascii: "Z"), state != UInt8(ascii: "X") else { continue }
                members.append(pid)
            }
        }
        return members
    }

    /// The pid a `/proc` entry name stands for (a NUL-terminated run of digits); nil for other entries.
    private static func processID(_ name: UnsafeRawBufferPointer) -> Int32? {
        var value: Int32 = 0
        for byte in name {
            if byte == 0 { return value > 0 ? value : nil }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), value < Int32.max / 10 else { return nil }
            value = value * 10 + Int32(byte - UInt8(ascii: "0"))
        }
        return nil
    }

    /// The state letter and the process group of a `/proc/PID/stat` line: `PID (NAME) S PPID PGRP …`, where NAME may hold anything.
    static func stateAndGroup(_ line: UnsafeBufferPointer<UInt8>) -> (state: UInt8, group: Int32)? {
        guard let close = line.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        var fields = line[(close + 1)...].split(separator: UInt8(ascii: " "), maxSplits: 3, omittingEmptySubsequences: true)
            .makeIterator()
        guard let state = fields.next()?.first, fields.next() != nil, let groupField = fields.next() else { return nil }
        var group: Int32 = 0
        for byte in groupField {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            group = group &* 10 &+ Int32(byte - UInt8(ascii: "0"))
        }
        return (state, group)
    }
}
