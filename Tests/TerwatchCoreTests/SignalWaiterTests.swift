import Glibc
import Testing
@testable import TerwatchCore

/// The waiter is tested in this shared test process with real-time signals no other code uses,
/// sent with `pthread_kill` to the waiter's thread alone.
///
/// A signal sent to the whole process (`kill(getpid(), …)`) would go to any
/// thread that does not block it, such as the test runner's main thread,
/// and its default action would end the process. A signal sent to one thread is
/// pending on that thread only; the waiter's thread is born blocking every
/// signal, so the signal waits there until `sigwaitinfo` takes it, whether
/// or not the thread has reached the call yet. Each test waits for one
/// delivery (bounded) before sending the next: pending real-time signals are
/// taken lowest number first, not in the order sent.
@Suite struct SignalWaiterTests {
    let first = UnixSignal(number: __libc_current_sigrtmin() + 3)!
    let second = UnixSignal(number: __libc_current_sigrtmin() + 4)!
    let other = UnixSignal(number: __libc_current_sigrtmin() + 5)!

    /// Sends `signal` to the waiter's thread, then waits for the `count`-th delivery.
    func send(_ signal: UnixSignal, to waiter: SignalWaiter, expecting count: Int, in recorder: Recorder<ReceivedSignal>) async -> Bool {
        let mark = recorder.values.count
        #expect(pthread_kill(waiter.thread, signal.number) == 0)
        return await recorder.waitUntil(after: mark) { $0.count == count }
    }

    @Test func deliversEachSignalWithItsSender() async throws {
        let recorder = Recorder<ReceivedSignal>()
        let waiter = try SignalWaiter.start([first, second]) { recorder.record($0) }
        #expect(await send(first, to: waiter, expecting: 1, in: recorder))
        #expect(await send(second, to: waiter, expecting: 2, in: recorder))
        #expect(await send(first, to: waiter, expecting: 3, in: recorder))
        #expect(recorder.values.map(\.signal) == [first, second, first])
        #expect(recorder.values.map(\.senderPID) == [getpid(), getpid(), getpid()])
        // tgkill(2) reports SI_TKILL on most kernels; some report SI_USER.
        #expect(recorder.values.allSatisfy { [Int32(SI_TKILL), Int32(SI_USER)].contains($0.code) })
        waiter.stop()
    }

    @Test func leavesOtherSignalsPending() async throws {
        let recorder = Recorder<ReceivedSignal>()
        let waiter = try SignalWaiter.start([first]) { recorder.record($0) }
        #expect(pthread_kill(waiter.thread, other.number) == 0)
        #expect(await send(first, to: waiter, expecting: 1, in: recorder))
        #expect(recorder.values.map(\.signal) == [first])
        let pending = signalMask("SigPnd", ofTask: waiter.taskID)
        #expect(pending == maskBits([other.number]))
        waiter.stop()
    }

    @Test func idleWaiterDoesNotWake() async throws {
        let recorder = Recorder<ReceivedSignal>()
        let waiter = try SignalWaiter.start([first]) { recorder.record($0) }
        let task = waiter.taskID
        #expect(await waitUntilWaitingForSignals(task))
        let before = taskStatus(task, "voluntary_ctxt_switches")
        let beforeForced = taskStatus(task, "nonvoluntary_ctxt_switches")
        try await Task.sleep(for: .milliseconds(300))
        #expect(before != nil)
        #expect(taskStatus(task, "voluntary_ctxt_switches") == before)
        #expect(taskStatus(task, "nonvoluntary_ctxt_switches") == beforeForced)
        // The counter does count this thread's wake-ups: one signal moves it.
        #expect(await send(first, to: waiter, expecting: 1, in: recorder))
        #expect(await waitUntilWaitingForSignals(task))
        let after = try #require(taskStatus(task, "voluntary_ctxt_switches").flatMap { Int($0) })
        #expect(after > Int(try #require(before))!)
        waiter.stop()
    }

    @Test func stopEndsAndJoinsTheThread() async throws {
        let waiter = try SignalWaiter.start([first]) { _ in }
        let task = waiter.taskID
        #expect(taskStatus(task, "State") != nil)
        waiter.stop()
        waiter.stop()
        // pthread_join returns once the thread has cleared its tid; the kernel may list the exiting task a moment longer.
        #expect(await ProcessProbe.eventually { taskStatus(task, "State") == nil })
    }
}
