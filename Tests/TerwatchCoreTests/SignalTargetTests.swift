import Testing
import TerwatchCore

@Suite struct SignalTargetTests {
    @Test(arguments: [("1234", Int32(1234)), (" 42\n", 42), ("\t7 \r\n", 7), ("2147483647", Int32.max)])
    func readsProcessIDs(text: String, pid: Int32) {
        #expect(SignalTarget.processID(text) == pid)
    }

    @Test(arguments: ["", " \n", "0", "-1", "+5", "12 34", "abc", "12x", "2147483648", "1\n2\n"])
    func refusesWhatIsNoSingleProcess(text: String) {
        #expect(SignalTarget.processID(text) == nil)
    }
}
