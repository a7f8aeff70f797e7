import Glibc
import Synchronization

/// Writes bytes into a child's stdin pipe and keeps the tail of its output pipe, on a thread of its own blocked in `poll()`, so neither a hook that never reads nor one that floods its output can block the caller.
///
/// Both pipe ends belong to the pump from `init` on; it closes them. Writes are non-blocking:
/// a hook that exits without reading its input ends the writing with `EPIPE`, whose `SIGPIPE`
/// stays pending on the pump's thread (which blocks every signal) and vanishes with it — the
/// process's own `SIGPIPE` disposition is never touched. Output is read until end of file or
/// until `finish()`, which reads what is already in the pipe and stops: a grandchild that keeps
/// the output pipe open does not hold up the hook's result.
final class PipePump: Sendable {
    /// The most bytes `finish()` reads from a pipe that is still being written to.
    static let finalDrainLimit = 1 << 20

    private enum Outcome {
        case running(waiter: CheckedContinuation<OutputTail, Never>?)
        case finished(OutputTail)
    }

    private let wake: WakeUpEvent
    private let outcome = Mutex(Outcome.running(waiter: nil))

    /// Starts pumping `input` into `inputDescriptor` and `outputDescriptor` into a tail of `limit` bytes; takes ownership of both descriptors, even when it throws.
    init(input: [UInt8], into inputDescriptor: Int32, outputFrom outputDescriptor: Int32, limit: Int) throws(ProcessError) {
        do throws(ProcessError) {
            try SystemCall.setNonBlocking(inputDescriptor)
            try SystemCall.setNonBlocking(outputDescriptor)
            wake = try WakeUpEvent()
        } catch {
            SystemCall.close(inputDescriptor)
            SystemCall.close(outputDescriptor)
            throw error
        }
        do throws(ProcessError) {
            try NativeThread.start(name: "terwatch-pipes") { [self, wake] in
                var transfer = Transfer(
                    input: input, inputDescriptor: inputDescriptor, outputDescriptor: outputDescriptor, limit: limit)
                transfer.run(wake: wake)
                complete(transfer.output)
            }
        } catch {
            SystemCall.close(inputDescriptor)
            SystemCall.close(outputDescriptor)
            wake.close()
            throw error
        }
    }

    /// Reads what is already waiting in the output pipe, closes both pipes and returns the output's tail.
    func finish() async -> OutputTail {
        wake.signal()
        let output = await withCheckedContinuation { continuation in
            let finished: OutputTail? = outcome.withLock { outcome in
                if case .finished(let output) = outcome { return output }
                outcome = .running(waiter: continuation)
                return nil
            }
            if let finished { continuation.resume(returning: finished) }
        }
        // The thread no longer polls the eventfd once it has reported its outcome.
        wake.close()
        return output
    }

    private func complete(_ output: OutputTail) {
        let waiter: CheckedContinuation<OutputTail, Never>? = outcome.withLock { outcome in
            defer { outcome = .finished(output) }
            guard case .running(let waiter) = outcome else { return nil }
            return waiter
        }
        waiter?.resume(returning: output)
    }
}

extension PipePump {
    /// The state the pump's thread works on: what is left to write, what was read.
    private struct Transfer {
        let input: [UInt8]
        var inputDescriptor: Int32?
        var outputDescriptor: Int32?
        var written = 0
        var output: OutputTail
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)

        init(input: [UInt8], inputDescriptor: Int32, outputDescriptor: Int32, limit: Int) {
            self.input = input
            self.inputDescriptor = inputDescriptor
            self.outputDescriptor = outputDescriptor
            output = OutputTail(limit: limit)
            if input.isEmpty { closeInput() }
        }

        /// Moves bytes until both pipes are done, or until `wake` is signalled; then drains the output pipe and closes everything.
        mutating func run(wake: WakeUpEvent) {
            defer { closeAll() }
            while inputDescriptor != nil || outputDescriptor != nil {
                var descriptors = [pollfd(fd: wake.descriptor, events: Int16(POLLIN), revents: 0)]
                if let inputDescriptor { descriptors.append(pollfd(fd: inputDescriptor, events: Int16(POLLOUT), revents: 0)) }
                if let outputDescriptor { descriptors.append(pollfd(fd: outputDescriptor, events: Int16(POLLIN), revents: 0)) }
                guard SystemCall.retrying({ poll(&descriptors, nfds_t(descriptors.count), -1) }) >= 0 else { return }
                var next = 1
                if inputDescriptor != nil {
                    if descriptors[next].revents != 0 { writeSome() }
                    next += 1
                }
                if outputDescriptor != nil, descriptors[next].revents != 0 { _ = readSome() }
                if descriptors[0].revents != 0 {
                    var drained = 0
                    while drained < PipePump.finalDrainLimit, let count = readSome(), count > 0 { drained += count }
                    return
                }
            }
        }

        /// Writes as much of the rest of the input as the pipe takes; closes it when all is written or the reader is gone.
        private mutating func writeSome() {
            guard let descriptor = inputDescriptor else { return }
            let offset = written
            let result = input.withUnsafeBytes { buffer in
                SystemCall.retrying { write(descriptor, buffer.baseAddress! + offset, buffer.count - offset) }
            }
            if result > 0 {
                written += result
                if written == input.count { closeInput() }
            } else if errno != EAGAIN {
                // EPIPE: the hook exited or closed its stdin without reading everything.
                closeInput()
            }
        }

        /// Reads one chunk of output; returns its size, 0 at end of file (closing the pipe), nil when nothing is waiting.
        private mutating func readSome() -> Int? {
            guard let descriptor = outputDescriptor else { return 0 }
            let result = chunk.withUnsafeMutableBytes { buffer in
                SystemCall.retrying { read(descriptor, buffer.baseAddress!, buffer.count) }
            }
            if result > 0 {
                output.append(chunk[..<result])
                return result
            }
            if result < 0, errno == EAGAIN { return nil }
            closeOutput()
            return 0
        }

        private mutating func closeInput() {
            if let inputDescriptor { SystemCall.close(inputDescriptor) }
            inputDescriptor = nil
        }

        private mutating func closeOutput() {
            if let outputDescriptor { SystemCall.close(outputDescriptor) }
            outputDescriptor = nil
        }

        private mutating func closeAll() {
            closeInput()
            closeOutput()
        }
    }
}
