import Foundation
import Glibc
import Testing

// An idle terwatch has no thread that wakes up: each test lets every thread fall
// asleep, then requires that none of them goes to sleep again (which it would
// have to, after any wake-up) over a two-second window.

extension WatchTests {
    /// `terwatch watch` with nothing to do.
    @Suite struct IdleWakeUps {
        @Test func anIdleAgentNeverWakes() throws {
            let session = try WatchSession.watching()
            try ThreadActivity.expectIdle(session.agent.pid)
            session.stop()
        }

        @Test func noTimerOutlivesAReload() throws {
            let session = try WatchSession.watching(["--debounce", "50ms"])
            try session.sh("printf 'A=2\\nB=x\\n' > .env")
            #expect(try session.nextEvent() == .reload(2, changed: ["A"], values: ["A": "2"]))
            try ThreadActivity.expectIdle(session.agent.pid)
            session.stop()
        }
    }
}

extension RunTests {
    /// Wrap mode with a child that waits.
    @Suite struct IdleWakeUps {
        @Test func terwatchNeverWakesWhileTheChildRuns() throws {
            let session = try RunSession()
            _ = try session.ready("one")
            try ThreadActivity.expectIdle(session.terwatch.pid)
            session.terwatch.send(SIGTERM)
            #expect(session.terwatch.waitForExit() == 0, "\(session.terwatch.errorOutput)")
        }
    }
}
