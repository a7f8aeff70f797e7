import Foundation
import Glibc
import Testing
import TerwatchCore

@Suite struct ProcessTableTests {
    @Test func findsAChildByItsExactName() throws {
        let directory = try TemporaryDirectory()
        let name = "twpt-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let child = try ScriptChild(ScriptChild.trapsUser1, named: name, in: directory)
        #expect(child.nextLine() == "ready")
        #expect(ProcessTable.processes(named: name) == [child.pid])
        #expect(ProcessTable.processes(named: String(name.dropLast())) == [])
        #expect(ProcessTable.processes(named: name + "x") == [])
    }

    @Test func neverListsThisProcess() throws {
        let comm = try String(contentsOfFile: "/proc/self/comm", encoding: .utf8)
        let name = String(comm.dropLast())
        #expect(!ProcessTable.processes(named: name).contains(getpid()))
    }

    @Test func readsAnotherProcRoot() throws {
        let directory = try TemporaryDirectory()
        try directory.write("12/comm", "web\n")
        try directory.write("7/comm", "web\n")
        try directory.write("9/comm", "webby\n")
        try directory.write("self/comm", "web\n")
        try directory.write("30/comm", "web")
        #expect(ProcessTable.processes(named: "web", procRoot: directory.path) == [7, 12])
    }
}
