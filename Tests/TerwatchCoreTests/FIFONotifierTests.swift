import Foundation
import Glibc
import Testing
import TerwatchCore

@Suite struct FIFONotifierTests {
    private typealias Delivery = FIFONotifier.Delivery

    private func mode(of path: String) -> (isFIFO: Bool, permissions: mode_t) {
        var info = stat()
        guard stat(path, &info) == 0 else { return (false, 0) }
        return (info.st_mode & S_IFMT == S_IFIFO, info.st_mode & 0o777)
    }

    /// Delivers `line` on a watched thread; nil when the call blocked past the deadline.
    private func deliver(_ line: String, to notifier: FIFONotifier) -> Delivery? {
        Watchdog.run { try? notifier.deliver(line) } ?? nil
    }

    private func retry(_ notifier: FIFONotifier) -> Delivery? {
        Watchdog.run { try? notifier.retry() } ?? nil
    }

    // MARK: the path

    @Test func createsTheFIFOWithMode0600() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/events"
        _ = try FIFONotifier(path: path)
        #expect(mode(of: path) == (true, 0o600))
    }

    @Test func keepsAnExistingFIFOAsItIs() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/events"
        #expect(mkfifo(path, 0o640) == 0)
        _ = try FIFONotifier(path: path)
        #expect(mode(of: path) == (true, 0o640))
    }

    @Test func refusesARegularFileOrADirectoryNamingIt() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("events", "{}\n")
        #expect(throws: FIFOError.notAFIFO(path: file, found: "a regular file")) { try FIFONotifier(path: file) }
        #expect(FIFOError.notAFIFO(path: file, found: "a regular file").description
            == "'\(file)' is a regular file, not a FIFO")
        #expect(throws: FIFOError.notAFIFO(path: directory.path, found: "a directory")) {
            try FIFONotifier(path: directory.path)
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "{}\n")
    }

    @Test func namesAPathThatCannotBeCreated() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/missing/events"
        #expect(throws: FIFOError.system(SystemCallError(.mkfifo, path: path, code: ENOENT))) {
            try FIFONotifier(path: path)
        }
    }

    // MARK: no reader

    @Test func keepsOnlyTheNewestLineUntilAReaderAppears() throws {
        let directory = try TemporaryDirectory()
        let notifier = try FIFONotifier(path: directory.path + "/events")
        #expect(retry(notifier) == .nothingPending)
        #expect(deliver(#"{"generation":1}"#, to: notifier) == .noReader)
        #expect(deliver(#"{"generation":2}"#, to: notifier) == .noReader)
        #expect(retry(notifier) == .noReader)
        let reader = try FIFOReader(notifier.path)
        #expect(retry(notifier) == .written)
        #expect(reader.read(17) == "{\"generation\":2}\n")
        #expect(retry(notifier) == .nothingPending)
        #expect(deliver(#"{"generation":3}"#, to: notifier) == .written)
        #expect(reader.read(17) == "{\"generation\":3}\n")
        #expect(reader.readAvailable() == "")
        #expect(notifier.droppedLines == 0)
    }

    @Test func deliversTheNewestLineWithTheNextEvent() throws {
        let directory = try TemporaryDirectory()
        let notifier = try FIFONotifier(path: directory.path + "/events")
        #expect(deliver("old", to: notifier) == .noReader)
        let reader = try FIFOReader(notifier.path)
        #expect(deliver("new", to: notifier) == .written)
        #expect(reader.read(4) == "new\n")
        #expect(reader.readAvailable() == "")
    }

    @Test func recreatesAFIFOThatWasDeleted() throws {
        let directory = try TemporaryDirectory()
        let notifier = try FIFONotifier(path: directory.path + "/events")
        #expect(unlink(notifier.path) == 0)
        #expect(deliver("line", to: notifier) == .noReader)
        #expect(mode(of: notifier.path) == (true, 0o600))
        let reader = try FIFOReader(notifier.path)
        #expect(retry(notifier) == .written)
        #expect(reader.read(5) == "line\n")
    }

    // MARK: a reader that does not read

    @Test func dropsAndCountsLinesWhenThePipeIsFullWithoutBlocking() throws {
        let directory = try TemporaryDirectory()
        let notifier = try FIFONotifier(path: directory.path + "/events")
        let reader = try FIFOReader(notifier.path)
        let lines = (0..<100).map { String(format: "%03d", $0) + String(repeating: "x", count: 996) }
        let outcomes = Watchdog.run { lines.map { try? notifier.deliver($0) } }
        guard let outcomes else {
            Issue.record("a delivery blocked")
            return
        }
        let written = outcomes.filter { $0 == .written }.count
        let dropped = outcomes.filter { $0 == .dropped }.count
        #expect(written + dropped == 100)
        #expect(dropped > 0)
        #expect(notifier.droppedLines == dropped)
        let expected = lines.enumerated().filter { outcomes[$0.offset] == .written }.map { $0.element + "\n" }.joined()
        #expect(reader.read(written * 1000) == expected)
        #expect(deliver(lines[0], to: notifier) == .written)
        #expect(reader.read(1000) == lines[0] + "\n")
    }

    @Test func writesALongLineOnlyWholeIntoAnEmptyPipe() throws {
        let directory = try TemporaryDirectory()
        let notifier = try FIFONotifier(path: directory.path + "/events")
        let reader = try FIFOReader(notifier.path)
        let long = String(repeating: "y", count: 10_000)
        #expect(deliver("short", to: notifier) == .written)
        #expect(deliver(long, to: notifier) == .dropped)
        #expect(notifier.droppedLines == 1)
        #expect(reader.read(6) == "short\n")
        #expect(deliver(long, to: notifier) == .written)
        #expect(reader.read(10_001) == long + "\n")
        #expect(deliver(String(repeating: "z", count: 70_000), to: notifier) == .dropped)
        #expect(reader.readAvailable() == "")
    }

    // MARK: a reader that leaves

    /// The test process keeps the default SIGPIPE action, so the EPIPE write here would kill it unless the notifier catches the signal.
    @Test func survivesAReaderThatGoesAwayAndKeepsTheLineForTheNext() throws {
        let directory = try TemporaryDirectory()
        let notifier = try FIFONotifier(path: directory.path + "/events")
        let first = try FIFOReader(notifier.path)
        #expect(deliver("unread", to: notifier) == .written)
        first.close()
        #expect(deliver("after", to: notifier) == .noReader)
        #expect(deliver("newest", to: notifier) == .noReader)
        let second = try FIFOReader(notifier.path)
        #expect(retry(notifier) == .written)
        #expect(second.read(7) == "newest\n")
        #expect(second.readAvailable() == "")
    }

    @Test func feedsAChildReader() throws {
        let directory = try TemporaryDirectory()
        var notifier: FIFONotifier? = try FIFONotifier(path: directory.path + "/events")
        let cat = Process()
        cat.executableURL = URL(fileURLWithPath: "/bin/cat")
        cat.arguments = [directory.path + "/events"]
        let output = Pipe()
        cat.standardOutput = output
        let exited = DispatchSemaphore(value: 0)
        cat.terminationHandler = { _ in exited.signal() }
        try cat.run()
        defer { if cat.isRunning { cat.terminate() } }
        let deadline = Date().addingTimeInterval(10)
        var first = deliver(#"{"event":"reload","generation":1}"#, to: notifier!)
        while first == .noReader, Date() < deadline {
            var request = timespec(tv_sec: 0, tv_nsec: 10_000_000)
            nanosleep(&request, nil)
            first = retry(notifier!)
        }
        #expect(first == .written)
        #expect(deliver(#"{"event":"reload","generation":2}"#, to: notifier!) == .written)
        notifier = nil
        #expect(exited.wait(timeout: .now() + 10) == .success)
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text == "{\"event\":\"reload\",\"generation\":1}\n{\"event\":\"reload\",\"generation\":2}\n")
    }
}
