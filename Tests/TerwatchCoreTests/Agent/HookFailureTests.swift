import Testing
@testable import TerwatchCore

@Suite struct HookFailureTests {
    private func result(_ status: TerwatchCore.ExitStatus, timedOut: Bool = false, output: String = "", limit: Int = 100) -> HookResult {
        var tail = OutputTail(limit: limit)
        tail.append(Array(output.utf8))
        return HookResult(status: status, timedOut: timedOut, output: tail, duration: .milliseconds(5))
    }

    @Test func acceptsASuccess() {
        #expect(HookFailure(.validation, command: "true", result: result(.exited(0), output: "fine"), timeout: .seconds(1)) == nil)
    }

    @Test func namesTheHookAndItsStatusThenItsOutput() {
        let failure = HookFailure(
            .validation, command: "./check.sh", result: result(.exited(3), output: "\n  PORT is not a number\n"),
            timeout: .seconds(30))
        #expect(failure?.summary == "validation hook './check.sh' exited with status 3")
        #expect(failure?.reason == "validation hook './check.sh' exited with status 3: PORT is not a number")
    }

    @Test func leavesOutEmptyOutput() {
        let failure = HookFailure(.exec, command: "notify", result: result(.exited(1), output: " \n"), timeout: .seconds(1))
        #expect(failure?.reason == "exec hook 'notify' exited with status 1")
    }

    @Test func namesTheSignalThatKilledIt() {
        let failure = HookFailure(.exec, command: "x", result: result(.signaled(9)), timeout: .seconds(1))
        #expect(failure?.reason == "exec hook 'x' was killed by SIGKILL")
    }

    @Test func saysItTimedOutWhateverItsStatus() {
        let failure = HookFailure(
            .validation, command: "sleep 9", result: result(.signaled(15), timedOut: true, output: "waiting"),
            timeout: .milliseconds(500))
        #expect(failure?.reason == "validation hook 'sleep 9' timed out after 500ms: waiting")
        #expect(HookFailure(.validation, command: "x", result: result(.exited(0), timedOut: true), timeout: .seconds(2))?.summary
            == "validation hook 'x' timed out after 2s")
    }

    @Test func marksOutputCutByTheLimit() {
        let failure = HookFailure(.exec, command: "x", result: result(.exited(2), output: "0123456789end", limit: 5), timeout: .seconds(1))
        #expect(failure?.output == "…89end")
    }

    @Test func aSecretCutByTheLimitShowsNoPieceOnceRedacted() {
        let secret = "CANARY-pässwörd-9f3a1c7e5b2d"
        // The limit falls inside 'ö': the tail starts with its second byte.
        let output = "password: " + secret + "\n" + String(repeating: "x", count: 20)
        let kept = secret.utf8.count - Array(secret.utf8).firstIndex(of: 0xB6)! + 1 + 20
        let failure = HookFailure(.validation, command: "x", result: result(.exited(1), output: output, limit: kept),
                                  timeout: .seconds(1))
        #expect(failure?.output == "…rd-9f3a1c7e5b2d\n" + String(repeating: "x", count: 20))
        #expect(Redactor(secrets: [secret]).redact(failure!.reason)
            == "validation hook 'x' exited with status 1: …<redacted>\n" + String(repeating: "x", count: 20))
    }

    @Test func saysAHookCouldNotRun() {
        let failure = HookFailure(.validation, command: "x", error: .notFound("/bin/sh"))
        #expect(failure.reason == "validation hook 'x' could not run: cannot run '/bin/sh': not found")
    }
}
