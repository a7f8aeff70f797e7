import Foundation
import Glibc
import Testing
@testable import TerwatchCore

@Suite struct LineWriterTests {
    @Test func writesTheWholeLine() async {
        let pipe = DrainedPipe()
        pipe.drain()
        #expect(LineWriter(descriptor: pipe.writeEnd).write("terwatch: one\n"))
        #expect(await pipe.finish() == "terwatch: one\n")
    }

    @Test func dropsALineAHungUpTerminalRefuses() {
        let terminal = hungUpTerminal()
        defer { close(terminal) }
        #expect(!LineWriter(descriptor: terminal).write("terwatch: lost\n"))
    }

    @Test func dropsALineAFullNonBlockingPipeRefuses() async {
        let pipe = DrainedPipe(nonBlockingWrites: true)
        let filled = pipe.fill()
        #expect(!LineWriter(descriptor: pipe.writeEnd).write("terwatch: lost\n"))
        pipe.drain()
        #expect(await pipe.finish() == String(repeating: ".", count: filled))
    }

    @Test func dropsALineNobodyReads() async {
        let pipe = DrainedPipe()
        close(pipe.readEnd)
        defer { close(pipe.writeEnd) }
        // SIGPIPE, sent to the writing thread, stays pending there while blocked and dies with it.
        let written = await onOwnThread(blocking: [SIGPIPE]) { LineWriter(descriptor: pipe.writeEnd).write("terwatch: lost\n") }
        #expect(written == false)
    }

    @Test func finishesALineItStartedWhenTheReaderCatchesUp() async {
        let pipe = DrainedPipe(nonBlockingWrites: true)
        let line = String(repeating: "x", count: 200_000) + "\n"
        let written = Recorder<Bool>()
        Thread { written.record(LineWriter(descriptor: pipe.writeEnd).write(line)) }.start()
        // The writer has put in what fits and now waits for room for the rest.
        let deadline = ContinuousClock.now + .seconds(10)
        while pipe.buffered < pipe.capacity && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(1))
        }
        #expect(pipe.buffered == pipe.capacity)
        #expect(written.values.isEmpty)
        pipe.drain()
        #expect(await written.waitUntil(after: 0) { !$0.isEmpty })
        #expect(written.values == [true])
        let received = await pipe.finish()
        #expect(received?.utf8.count == line.utf8.count)
        let whole = received == line
        #expect(whole)
    }
}
