import Glibc

/// Starts detached POSIX threads for work that must block in `poll()` outside Swift's cooperative pool.
enum NativeThread {
    /// Runs `body` on a new detached thread named `name` (at most 15 bytes, shown by `top -H`) that blocks every signal, so no signal meant for the process lands on it.
    ///
    /// The mask is set in the creating thread around `pthread_create` and inherited, so there is no
    /// window in which the new thread accepts a signal. A `SIGPIPE` raised by a write on the new
    /// thread stays pending on that thread (it is thread-directed) and vanishes with it.
    static func start(name: String, _ body: @escaping @Sendable () -> Void) throws(ProcessError) {
        var all = sigset_t()
        var previous = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_SETMASK, &all, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }

        let box = Unmanaged.passRetained(Box {
            nameCurrentThread(name)
            body()
        }).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { argument in
            let box = Unmanaged<Box>.fromOpaque(argument!).takeRetainedValue()
            box.body()
            return nil
        }, box)
        guard result == 0 else {
            Unmanaged<Box>.fromOpaque(box).release()
            throw .systemCall(.pthreadCreate, code: result)
        }
        pthread_detach(thread)
    }

    /// Sets the calling thread's name through procfs (`pthread_setname_np` is a GNU extension Swift does not import).
    private static func nameCurrentThread(_ name: String) {
        let descriptor = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { SystemCall.close(descriptor) }
        let bytes = Array(name.utf8.prefix(15))
        _ = write(descriptor, bytes, bytes.count)
    }

    private final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
