import Foundation
import Glibc
import Testing
@testable import TerwatchCore

/// Every test that starts a `SignalCenter` runs in here, one at a time: there is one per process.
@Suite(.serialized) enum SignalIntegration {}

/// Runs `body` on a thread of its own whose signal mask is exactly `blocked`, and awaits its result (bounded).
///
/// A signal mask belongs to a thread, so this keeps a test's mask away from
/// the shared threads that run the other tests; the wait is asynchronous, so
/// it holds none of those threads either.
func onOwnThread<T: Sendable>(
    blocking blocked: [Int32] = [], within limit: Duration = .seconds(10), _ body: @escaping @Sendable () -> T
) async -> T? {
    let result = Recorder<T>()
    Thread {
        var mask = sigset_t()
        sigemptyset(&mask)
        for number in blocked { sigaddset(&mask, number) }
        pthread_sigmask(SIG_SETMASK, &mask, nil)
        result.record(body())
    }.start()
    guard await result.waitUntil(after: 0, within: limit, { !$0.isEmpty }) else {
        Issue.record("the thread did not finish within \(limit)")
        return nil
    }
    return result.values.first
}

/// The number of `rt_sigtimedwait`, the system call under `sigwaitinfo(3)`, on this architecture.
let sigtimedwaitSyscall: Int = {
    #if arch(x86_64)
    return 128
    #elseif arch(arm64)
    return 137
    #else
    fatalError("add the number of rt_sigtimedwait for this architecture")
    #endif
}()

/// Waits (bounded) until thread `taskID` sleeps in `rt_sigtimedwait`; false at the deadline.
func waitUntilWaitingForSignals(_ taskID: Int32, within limit: Duration = .seconds(10)) async -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        let call = LiveFileSystem.contents(of: "/proc/self/task/\(taskID)/syscall")?.split(separator: " ").first
        if call == "\(sigtimedwaitSyscall)" && taskStatus(taskID, "State")?.hasPrefix("S") == true { return true }
        try? await Task.sleep(for: .milliseconds(1))
    }
    return false
}

/// The signal set thread `taskID`'s status shows in `field` (`SigBlk`, `SigPnd`; `SigIgn`, `SigCgt` are the process's).
func signalMask(_ field: String, ofTask taskID: Int32) -> UInt64? {
    taskStatus(taskID, field).flatMap { UInt64($0, radix: 16) }
}

/// The set holding each of `numbers`, as /proc shows signal sets.
func maskBits(_ numbers: [Int32]) -> UInt64 {
    numbers.reduce(0) { $0 | 1 << UInt64($1 - 1) }
}
