import Glibc
import Testing
import TerwatchCore

@Suite struct SignalNameTests {
    @Test(arguments: [
        ("HUP", SIGHUP), ("SIGHUP", SIGHUP), ("hup", SIGHUP), ("SigHup", SIGHUP), ("1", SIGHUP),
        ("TERM", SIGTERM), ("15", SIGTERM), ("sigusr2", SIGUSR2), ("WINCH", SIGWINCH), ("KILL", SIGKILL),
        ("IOT", SIGABRT), ("cld", SIGCHLD), ("POLL", SIGIO), ("09", SIGKILL), ("32", 32),
        ("RTMIN", 34), ("SIGRTMIN+3", 37), ("rtmin+0", 34), ("RTMAX", 64), ("RTMAX-1", 63), ("64", 64),
    ])
    func parsesNamesAliasesAndNumbers(text: String, number: Int32) {
        #expect(SignalName(parsing: text)?.number == number)
    }

    @Test(arguments: [
        "", "0", "65", "SIG", "HUPX", "SIG1", "+1", "-1", " 1", "1 ", "HUP ", "RTMIN+31", "RTMIN-1", "RTMAX+1",
        "RTMIN+", "RTMIN+x", "RTMAX-31", "99999999999", "SIGSIGHUP",
    ])
    func refusesAnythingElse(text: String) {
        #expect(SignalName(parsing: text) == nil)
    }

    @Test func realTimeRangeIsGlibcs() {
        #expect(SignalName.realTimeMinimum == 34)
        #expect(SignalName.realTimeMaximum == 64)
    }

    @Test(arguments: [
        (SIGHUP, "HUP", "SIGHUP"), (SIGCHLD, "CHLD", "SIGCHLD"), (SIGIO, "IO", "SIGIO"), (32, "32", "32"),
        (34, "RTMIN", "SIGRTMIN"), (37, "RTMIN+3", "SIGRTMIN+3"), (49, "RTMIN+15", "SIGRTMIN+15"),
        (50, "RTMAX-14", "SIGRTMAX-14"), (64, "RTMAX", "SIGRTMAX"),
    ])
    func namesAsKillDoes(number: Int32, name: String, description: String) throws {
        let signal = try #require(SignalName(number: number))
        #expect(signal.name == name)
        #expect(signal.description == description)
    }

    @Test func everyNumberRoundTripsThroughItsName() throws {
        for number in Int32(1)...64 {
            let signal = try #require(SignalName(number: number))
            #expect(SignalName(parsing: signal.name) == signal)
            #expect(SignalName(parsing: signal.description) == signal)
        }
        #expect(SignalName(number: 0) == nil)
        #expect(SignalName(number: 65) == nil)
    }

    @Test func meaningfulNamesAreTheLinuxNumbers() {
        let pairs: [(SignalName, Int32)] = [
            (.hangup, 1), (.interrupt, 2), (.quit, 3), (.kill, 9), (.user1, 10), (.user2, 12), (.brokenPipe, 13),
            (.alarm, 14), (.terminate, 15), (.childStatus, 17), (.resume, 18), (.stop, 19), (.terminalStop, 20),
            (.backgroundRead, 21), (.backgroundWrite, 22), (.windowChange, 28),
        ]
        for (signal, number) in pairs {
            #expect(signal.number == number, "\(signal)")
        }
    }
}
