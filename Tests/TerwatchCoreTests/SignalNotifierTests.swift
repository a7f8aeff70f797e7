import Foundation
import Glibc
import Testing
import TerwatchCore

@Suite struct SignalNotifierTests {
    /// Above the kernel's PID_MAX_LIMIT (2^22), so no process ever has it.
    private let neverAPid: Int32 = 4_194_305

    private func uniqueName() -> String {
        "twsig-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
    }

    @Test func signalsAProcessID() throws {
        let directory = try TemporaryDirectory()
        let child = try ScriptChild(ScriptChild.trapsUser1, named: uniqueName(), in: directory)
        #expect(child.nextLine() == "ready")
        let report = SignalNotifier(signal: .user1, targets: [.pid(child.pid)]).notify()
        #expect(report == SignalReport(signalled: [child.pid]))
        #expect(child.nextLine() == "got USR1")
    }

    @Test func readsThePidfileAfreshAtEachNotification() throws {
        let directory = try TemporaryDirectory()
        let first = try ScriptChild(ScriptChild.trapsUser1, named: uniqueName(), in: directory)
        let second = try ScriptChild(ScriptChild.trapsUser1, named: uniqueName(), in: directory)
        #expect(first.nextLine() == "ready")
        #expect(second.nextLine() == "ready")
        let pidfile = try directory.write("app.pid", " \(first.pid)\n")
        let notifier = SignalNotifier(signal: try UnixSignal(parsing: "usr1"), targets: [.pidFile(pidfile)])
        #expect(notifier.notify() == SignalReport(signalled: [first.pid]))
        #expect(first.nextLine() == "got USR1")
        try directory.write("app.pid", "\(second.pid)\n")
        #expect(notifier.notify() == SignalReport(signalled: [second.pid]))
        #expect(second.nextLine() == "got USR1")
    }

    @Test func signalsProcessesByExactNameOnce() throws {
        let directory = try TemporaryDirectory()
        let name = uniqueName()
        let child = try ScriptChild(ScriptChild.trapsUser1, named: name, in: directory)
        #expect(child.nextLine() == "ready")
        let report = SignalNotifier(signal: .user1, targets: [.name(name), .pid(child.pid)]).notify()
        #expect(report == SignalReport(signalled: [child.pid]))
        #expect(child.nextLine() == "got USR1")
    }

    @Test func warnsAboutAMissingPidfile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/gone.pid"
        #expect(SignalNotifier(targets: [.pidFile(path)]).notify()
            == SignalReport(warnings: ["signal pidfile '\(path)' is missing"]))
    }

    @Test func warnsAboutADeadProcess() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("dead.pid", "\(neverAPid)\n")
        #expect(SignalNotifier(signal: .user1, targets: [.pidFile(path), .pid(neverAPid + 1)]).notify()
            == SignalReport(warnings: [
                "process \(neverAPid) (from pidfile '\(path)') is gone", "process \(neverAPid + 1) is gone",
            ]))
    }

    @Test func warnsAboutAPidfileWithoutAProcessID() throws {
        let directory = try TemporaryDirectory()
        let empty = try directory.write("empty.pid", "")
        let everyone = try directory.write("everyone.pid", "-1\n")
        let group = try directory.write("group.pid", "0")
        #expect(SignalNotifier(signal: .user1, targets: [.pidFile(empty), .pidFile(everyone), .pidFile(group)]).notify()
            == SignalReport(warnings: [
                "signal pidfile '\(empty)' holds no process id: ''",
                "signal pidfile '\(everyone)' holds no process id: '-1\n'",
                "signal pidfile '\(group)' holds no process id: '0'",
            ]))
    }

    @Test func warnsAboutANameNoProcessHas() {
        let name = uniqueName()
        #expect(SignalNotifier(targets: [.name(name)]).notify() == SignalReport(warnings: ["no process is named '\(name)'"]))
        #expect(SignalNotifier(targets: [.name("a-name-far-too-long")]).notify() == SignalReport(warnings: [
            "no process is named 'a-name-far-too-long' (names longer than 15 bytes never match)",
        ]))
    }

    /// SIGCONT, so that a broken guard could not hurt the test process.
    @Test func neverSignalsItselfNorAGroup() throws {
        let report = SignalNotifier(signal: try UnixSignal(parsing: "CONT"), targets: [.pid(getpid()), .pid(0), .pid(-1)]).notify()
        #expect(report == SignalReport(warnings: [
            "process \(getpid()) is terwatch itself; not signalled",
            "process 0 is not a single process; not signalled",
            "process -1 is not a single process; not signalled",
        ]))
    }
}
