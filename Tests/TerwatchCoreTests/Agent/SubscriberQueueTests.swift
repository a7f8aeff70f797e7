import Synchronization
import Testing
@testable import TerwatchCore

@Suite struct SubscriberQueueTests {
    /// Records what it receives.
    final class Probe: Subscriber {
        let takesRejections: Bool
        let received = Recorder<String>()

        init(takesRejections: Bool) {
            self.takesRejections = takesRejections
        }

        func receive(_ event: AgentEvent) async {
            received.record("\(event.kind.rawValue) \(event.generation)")
        }

        func nudge() async {
            received.record("nudge")
        }
    }

    private func event(_ kind: ReloadEvent.Kind, _ generation: Int) -> AgentEvent {
        AgentEvent(kind: kind, line: "{}", generation: generation, changedKeys: [], snapshot: .empty)
    }

    @Test func deliversInOrderAndRejectionsOnlyToThoseWhoTakeThem() async {
        let all = Probe(takesRejections: true)
        let reloadsOnly = Probe(takesRejections: false)
        let subscribers = Subscribers([all, reloadsOnly])
        subscribers.publish(event(.reload, 2))
        subscribers.publish(event(.rejected, 2))
        subscribers.publish(event(.reload, 3))
        subscribers.finish()
        await subscribers.run()
        #expect(all.received.values == ["reload 2", "rejected 2", "reload 3"])
        #expect(reloadsOnly.received.values == ["reload 2", "reload 3"])
    }

    @Test func coalescesNudgesThatWait() async {
        let probe = Probe(takesRejections: false)
        let queue = SubscriberQueue(probe)
        queue.nudge()
        queue.nudge()
        queue.post(event(.reload, 2))
        queue.nudge()
        queue.finish()
        await queue.run()
        #expect(probe.received.values == ["nudge", "reload 2"])
    }

    @Test func aSlowSubscriberDoesNotHoldUpAnother() async {
        let gate = Gate()
        let slow = Blocked(gate: gate)
        let fast = Probe(takesRejections: false)
        let subscribers = Subscribers([slow, fast])
        let running = Task { await subscribers.run() }
        subscribers.publish(event(.reload, 2))
        #expect(await fast.received.waitUntil(after: 0) { $0 == ["reload 2"] })
        gate.open()
        subscribers.finish()
        await running.value
        #expect(slow.received.values == ["reload 2"])
    }

    /// Opens once; waiters before that wait.
    final class Gate: Sendable {
        private let opened = Recorder<Bool>()
        func open() { opened.record(true) }
        func wait() async { _ = await opened.waitUntil(after: 0, within: .seconds(30)) { !$0.isEmpty } }
    }

    /// A subscriber that waits at the gate before taking each event.
    final class Blocked: Subscriber {
        let gate: Gate
        let received = Recorder<String>()
        var takesRejections: Bool { false }

        init(gate: Gate) {
            self.gate = gate
        }

        func receive(_ event: AgentEvent) async {
            await gate.wait()
            received.record("\(event.kind.rawValue) \(event.generation)")
        }
    }
}
