import CInotifyTools
import Glibc
import Testing
@testable import TerwatchCore

extension SignalIntegration {
    /// The center is started on a thread of its own (its mask is that thread's), and driven with
    /// real signals sent by `pthread_kill` to its waiting thread, for the reason `SignalWaiterTests` gives.
    @Suite struct SignalCenterTests {
        /// The handled set as /proc shows it: HUP INT QUIT USR1 USR2 ALRM TERM STKFLT CHLD CONT TSTP TTIN TTOU
        /// URG XCPU XFSZ VTALRM WINCH IO PWR, and RTMIN (34) to RTMAX (64).
        static let handledMask: UInt64 = 0xffff_fffe_3bfb_ea07

        @Test func startBlocksTheHandledSignalsIgnoresPipeAndDefaultsChild() async throws {
            let started = await onOwnThread { () -> (center: SignalCenter?, blocked: UInt64?) in
                let center = try? SignalCenter.start()
                return (center, signalMask("SigBlk", ofTask: terwatch_gettid()))
            }
            let center = try #require(started?.center)
            defer { center.stop() }
            #expect(started?.blocked == Self.handledMask)
            #expect(maskBits(SignalCenter.handled.map(\.number)) == Self.handledMask)
            #expect(signalMask("SigIgn", ofTask: getpid()).map { $0 & maskBits([SIGPIPE, SIGCHLD]) } == maskBits([SIGPIPE]))
            #expect(signalMask("SigCgt", ofTask: getpid()).map { $0 & maskBits([SIGCHLD]) } == 0)
        }

        @Test func signalsReachTheirStreamsWithTheirSender() async throws {
            let center = try #require(await onOwnThread { try? SignalCenter.start() } ?? nil)
            let signals = Recorder<ReceivedSignal>()
            let children = Recorder<ReceivedSignal>()
            // Sent before anybody listens: the stream keeps it.
            #expect(pthread_kill(center.thread, SIGHUP) == 0)
            signals.follow(center.signals)
            children.follow(center.childStatus)
            #expect(await signals.waitUntil(after: 0) { $0.count == 1 })
            #expect(pthread_kill(center.thread, SIGTERM) == 0)
            #expect(await signals.waitUntil(after: 1) { $0.count == 2 })
            #expect(pthread_kill(center.thread, SIGCHLD) == 0)
            #expect(await children.waitUntil(after: 0) { $0.contains { $0.senderPID == getpid() } })
            #expect(signals.values.map(\.signal) == [.hangup, .terminate])
            #expect(signals.values.map(\.senderPID) == [getpid(), getpid()])
            #expect(children.values.filter { $0.senderPID == getpid() }.map(\.signal.number) == [SIGCHLD])
            center.stop()
            #expect(taskStatus(center.taskID, "State") == nil)
        }

        @Test func oneCenterAtATime() async throws {
            let center = try #require(await onOwnThread { try? SignalCenter.start() } ?? nil)
            #expect(throws: SignalError.alreadyRunning) { try SignalCenter.start() }
            center.stop()
            let again = try #require(await onOwnThread { try? SignalCenter.start() } ?? nil)
            again.stop()
            #expect(SignalError.alreadyRunning.description == "a signal center is already running in this process")
        }
    }
}
