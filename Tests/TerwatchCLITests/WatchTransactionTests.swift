import Glibc
import Testing

extension WatchTests {
    /// No-op saves notify nobody; a burst is one transaction; a lost event queue still ends in the final state.
    @Suite struct TransactionTests {
        /// A save that leaves every value as it was: `unchanged` in the debug log, no event; the next real change is generation 2.
        @Test(arguments: [
            "touch .env",
            "cp .env .env.copy && mv .env.copy .env",
            "printf '# comment\\n\\nA=1   \\n  B=x\\n\\n' > .env",
        ])
        func noOpSaveNotifiesNobody(script: String) throws {
            let session = try WatchSession.watching(["-v"])
            let mark = session.agent.lines.count
            try session.sh(script)
            try session.logLine("terwatch: debug: unchanged generation=1", from: mark)
            try session.expectNextIsRealChange(generation: 2)
        }

        @Test func burstOfSavesIsOneEventWithTheFinalState() throws {
            let session = try WatchSession.watching(["--debounce", "400ms"])
            try session.sh("i=1; while [ $i -le 50 ]; do printf 'A=%s\\nB=x\\n' $i > .env; i=$((i + 1)); done")
            #expect(try session.nextEvent() == .reload(2, changed: ["A"], values: ["A": "50"]))
            try session.expectNextIsRealChange(generation: 3)
        }

        @Test func queueOverflowEndsInTheFinalState() throws {
            let session = try WatchSession.watching(["-v"])
            session.agent.send(SIGSTOP)
            // Over 16,384 events in the watched directory while terwatch cannot read: create, attrib, close-write, delete each.
            try session.sh("seq 1 9000 | xargs touch && seq 1 9000 | xargs rm && printf 'A=final\\nB=x\\n' > .env")
            session.agent.send(SIGCONT)
            #expect(try session.nextEvent() == .reload(2, changed: ["A"], values: ["A": "final"]))
            #expect(try session.logLine("overflow").hasPrefix("terwatch: debug: check cause="))
            try session.expectNextIsRealChange(generation: 3)
        }
    }
}
