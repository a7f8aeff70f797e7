import Glibc

/// An eventfd that one thread polls and other threads write to, to wake it without a timeout.
struct WakeUpEvent: Sendable {
    /// The eventfd, close-on-exec and non-blocking.
    let descriptor: Int32

    /// Opens a new eventfd.
    init() throws(ProcessError) {
        let descriptor = LinuxFunctions.eventfd()
        guard descriptor >= 0 else { throw .systemCall(.eventfd, code: errno) }
        self.descriptor = descriptor
    }

    /// A new event and a thread named `name` running `body` with it; the event is closed again when the thread cannot start.
    static func startingThread(
        named name: String, _ body: @escaping @Sendable (WakeUpEvent) -> Void
    ) throws(ProcessError) -> WakeUpEvent {
        let wake = try WakeUpEvent()
        do throws(ProcessError) {
            try NativeThread.start(name: name) { body(wake) }
        } catch {
            wake.close()
            throw error
        }
        return wake
    }

    /// Makes the descriptor readable until the next `drain`.
    func signal() {
        var one: UInt64 = 1
        // Only EINTR can fail here: the counter cannot overflow from these increments.
        _ = SystemCall.retrying { write(descriptor, &one, MemoryLayout<UInt64>.size) }
    }

    /// Resets the counter so the descriptor is no longer readable.
    func drain() {
        var count: UInt64 = 0
        _ = SystemCall.retrying { read(descriptor, &count, MemoryLayout<UInt64>.size) }
    }

    /// Closes the eventfd; nobody may signal it afterwards.
    func close() {
        SystemCall.close(descriptor)
    }
}
