import Glibc
import Testing
import TerwatchCore

@Suite struct UnixSignalTests {
    @Test(arguments: [
        ("HUP", SIGHUP), ("hup", SIGHUP), ("SIGHUP", SIGHUP), ("SigHup", SIGHUP), ("sighup", SIGHUP),
        ("1", SIGHUP), ("TERM", SIGTERM), ("15", SIGTERM), ("usr1", SIGUSR1), ("SIGUSR2", SIGUSR2),
        ("10", SIGUSR1), ("int", SIGINT), ("KILL", SIGKILL), ("winch", SIGWINCH), ("IOT", SIGABRT),
        ("CLD", SIGCHLD), ("POLL", SIGIO), ("RTMIN", 34), ("rtmin+2", 36), ("SIGRTMAX", 64),
        ("RTMAX-1", 63), ("64", 64), ("007", SIGBUS),
    ])
    func parsesNamesAndNumbers(text: String, number: Int32) throws {
        #expect(try UnixSignal(parsing: text).number == number)
    }

    @Test(arguments: [
        ("", "signal '' is not a signal name or number"),
        ("SIG", "signal 'SIG' is not a signal name or number"),
        ("FOO", "signal 'FOO' is not a signal name or number"),
        ("SIGSIGHUP", "signal 'SIGSIGHUP' is not a signal name or number"),
        ("-1", "signal '-1' is not a signal name or number"),
        ("+1", "signal '+1' is not a signal name or number"),
        (" 1", "signal ' 1' is not a signal name or number"),
        ("1x", "signal '1x' is not a signal name or number"),
        ("RTMIN++1", "signal 'RTMIN++1' is not a signal name or number"),
        ("RTMIN+31", "signal 'RTMIN+31' is not a signal name or number"),
        ("RTMAX+1", "signal 'RTMAX+1' is not a signal name or number"),
        ("0", "signal '0' is not between 1 and 64"),
        ("65", "signal '65' is not between 1 and 64"),
        ("99999999999", "signal '99999999999' is not between 1 and 64"),
    ])
    func refusesWhatIsNoSignal(text: String, message: String) {
        #expect(throws: InvalidSignal.self) { try UnixSignal(parsing: text) }
        do {
            _ = try UnixSignal(parsing: text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func namesItself() throws {
        #expect(UnixSignal.hangup.description == "SIGHUP")
        #expect(try UnixSignal(parsing: "iot").description == "SIGABRT")
        #expect(try UnixSignal(parsing: "36").description == "SIGRTMIN+2")
        #expect(try UnixSignal(parsing: "32").description == "signal 32")
        #expect(try UnixSignal(parsing: "32").name == nil)
        #expect(UnixSignal(number: 0) == nil)
        #expect(UnixSignal(number: 10) == .user1)
    }
}
