import Foundation
import Glibc
import Synchronization
import Testing
@testable import TerwatchCore

@Suite struct LineWriterTests {
    @Test func writesTheWholeLine() {
        let pipe = DrainedPipe()
        pipe.drain()
        #expect(LineWriter(descriptor: pipe.writeEnd).write("terwatch: one\n"))
        #expect(pipe.finish() == "terwatch: one\n")
    }

    @Test func dropsALineAHungUpTerminalRefuses() {
        let terminal = hungUpTerminal()
        defer { close(terminal) }
        #expect(!LineWriter(descriptor: terminal).write("terwatch: lost\n"))
    }

    @Test func dropsALineAFullNonBlockingPipeRefuses() {
        let pipe = DrainedPipe(nonBlockingWrites: true)
        let filled = pipe.fill()
        #expect(!LineWriter(descriptor: pipe.writeEnd).write("terwatch: lost\n"))
        pipe.drain()
        #expect(pipe.finish() == String(repeating: ".", count: filled))
    }

    @Test func dropsALineNobodyReads() {
        let pipe = DrainedPipe()
        close(pipe.readEnd)
        defer { close(pipe.writeEnd) }
        // SIGPIPE, sent to the writing thread, stays pending there while blocked and dies with it.
        let written = onOwnThread(blocking: [SIGPIPE]) { LineWriter(descriptor: pipe.writeEnd).write("terwatch: lost\n") }
        #expect(written == false)
    }

    @Test func finishesALineItStartedWhenTheReaderCatchesUp() async {
        let pipe = DrainedPipe(nonBlockingWrites: true)
        let line = String(repeating: "x", count: 200_000) + "\n"
        let written = Mutex<Bool?>(nil)
        Thread {
            let result = LineWriter(descriptor: pipe.writeEnd).write(line)
            written.withLock { $0 = result }
        }.start()
        // The writer has put in what fits and now waits for room for the rest.
        let deadline = ContinuousClock.now + .seconds(10)
        while pipe.buffered < pipe.capacity && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(1))
        }
        #expect(pipe.buffered == pipe.capacity)
        #expect(written.withLock { $0 } == nil)
        pipe.drain()
        while written.withLock({ $0 }) == nil && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(1))
        }
        #expect(written.withLock { $0 } == true)
        #expect(pipe.finish() == line)
    }
}
