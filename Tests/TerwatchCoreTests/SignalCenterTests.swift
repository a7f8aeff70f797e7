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

        @Test func startBlocksTheHandledSignalsIgnoresPipeAndDefaultsChild() throws {
            let started = onOwnThread { () -> (center: SignalCenter?, blocked: UInt64?) in
                let center = try? SignalCenter.start()
                return (center, signalMask("SigBlk", in: LiveFileSystem.contents(of: "/proc/thread-self/status")))
            }
            let center = try #require(started?.center)
            defer { center.stop() }
            #expect(started?.blocked == Self.handledMask)
            #expect(maskBits(SignalCenter.handled.map(\.number)) == Self.handledMask)
            let process = LiveFileSystem.contents(of: "/proc/self/status")
            #expect(signalMask("SigIgn", in: process).map { $0 & maskBits([SIGPIPE, SIGCHLD]) } == maskBits([SIGPIPE]))
            #expect(signalMask("SigCgt", in: process).map { $0 & maskBits([SIGCHLD]) } == 0)
        }

        @Test func signalsReachTheirStreamsWithTheirSender() async throws {
            let center = try #require(onOwnThread { try? SignalCenter.start() } ?? nil)
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
            #expect(children.values.filter { $0.senderPID == getpid() }.map(\.signal) == [.childStatus])
            center.stop()
            #expect(taskStatus(center.taskID, "State") == nil)
        }

        @Test func oneCenterAtATime() throws {
            let center = try #require(onOwnThread { try? SignalCenter.start() } ?? nil)
            #expect(throws: SignalError.alreadyRunning) { try SignalCenter.start() }
            center.stop()
            let again = try #require(onOwnThread { try? SignalCenter.start() } ?? nil)
            again.stop()
            #expect(SignalError.alreadyRunning.description == "a signal center is already running in this process")
        }

        @Test func childrenStartWithNoBlockedSignalAndDefaultDispositions() throws {
            signal(SIGPIPE, SIG_IGN)
            let ignored = try #require(signalMask("SigIgn", in: LiveFileSystem.contents(of: "/proc/self/status")))
            #expect(ignored & maskBits([SIGPIPE]) != 0)
            let blocked = [SIGHUP, SignalName.realTimeMinimum + 3]
            let plain = onOwnThread(blocking: blocked) { spawn(["/bin/cat", "/proc/self/status"]).output }
            #expect(signalMask("SigBlk", in: plain) == maskBits(blocked))
            // glibc's posix_spawn leaves its own two signals (32, 33) ignored in every child.
            let glibcs = maskBits([32, 33])
            #expect(signalMask("SigIgn", in: plain) == ignored | glibcs)
            let prepared = onOwnThread(blocking: blocked) {
                spawn(["/bin/cat", "/proc/self/status"]) { attributes in
                    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
                    SignalCenter.prepareChild(&attributes)
                }.output
            }
            #expect(signalMask("SigBlk", in: prepared) == 0)
            #expect(signalMask("SigIgn", in: prepared) == glibcs)
            // The flags set before are kept: the child leads a process group of its own.
            let pid = try #require(prepared.flatMap { statusField("Pid", in: $0) })
            #expect(prepared.flatMap { statusField("NSpgid", in: $0) } == pid)
        }
    }
}
