import Glibc

/// The members of a process group still dying after its leader exited and the group got SIGKILL; awaited through pidfds.
///
/// A pidfd names one process for good (no pid reuse) and becomes readable when
/// that process exits, child of terwatch or not. The wait runs on a thread of
/// its own blocked in `poll()`, started only when some member was found, so
/// the usual exit costs nothing.
struct GroupRemnant: Sendable {
    /// One pidfd per member found; members already gone have none.
    let pidfds: [Int32]

    /// Opens a pidfd for each of `members`; a member gone meanwhile is skipped.
    init(members: [Int32]) {
        pidfds = members.compactMap { pid in
            let pidfd = LinuxFunctions.pidfdOpen(pid)
            guard pidfd >= 0 else { return nil }
            // pidfd_open sets close-on-exec itself.
            return pidfd
        }
    }

    /// Returns once every member has exited, and closes the pidfds.
    func waitUntilGone() async {
        guard !pidfds.isEmpty else { return }
        let pidfds = self.pidfds
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            do throws(ProcessError) {
                try NativeThread.start(name: "terwatch-group") {
                    Self.pollUntilAllReadable(pidfds)
                    continuation.resume()
                }
            } catch {
                // No thread: wait here instead (the members were sent SIGKILL and are dying).
                Self.pollUntilAllReadable(pidfds)
                continuation.resume()
            }
        }
    }

    private static func pollUntilAllReadable(_ pidfds: [Int32]) {
        var waiting = pidfds
        while !waiting.isEmpty {
            var descriptors = waiting.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            guard SystemCall.retrying({ poll(&descriptors, nfds_t(descriptors.count), -1) }) >= 0 else { break }
            waiting = zip(waiting, descriptors).compactMap { pidfd, descriptor in
                guard descriptor.revents != 0 else { return pidfd }
                SystemCall.close(pidfd)
                return nil
            }
        }
        waiting.forEach(SystemCall.close)
    }
}
