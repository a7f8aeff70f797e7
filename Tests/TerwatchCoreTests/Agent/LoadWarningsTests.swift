import Testing
import TerwatchCore
import TerwatchEnv

@Suite struct LoadWarningsTests {
    private func warning(_ line: Int, _ message: String = "undefined variable 'X' expands to empty") -> Diagnostic {
        Diagnostic(.warning, path: ".env", position: SourcePosition(line: line, column: 1), message: message)
    }

    @Test func aLoadThatChangesTheConfigurationLogsAllItsWarnings() {
        var warnings = LoadWarnings()
        #expect(warnings.toLog([warning(1), warning(2)], changesConfiguration: true) == [warning(1), warning(2)])
        #expect(warnings.toLog([warning(1), warning(2)], changesConfiguration: true) == [warning(1), warning(2)])
        #expect(warnings.toLog([], changesConfiguration: true) == [])
    }

    @Test func aLoadThatChangesNothingLogsOnlyWarningsTheLoadBeforeDidNotHave() {
        var warnings = LoadWarnings()
        _ = warnings.toLog([warning(1)], changesConfiguration: true)
        #expect(warnings.toLog([warning(1)], changesConfiguration: false) == [])
        #expect(warnings.toLog([warning(1), warning(3, "file holding secret 'K' is readable by group or others (mode 0644)")],
                               changesConfiguration: false)
            == [warning(3, "file holding secret 'K' is readable by group or others (mode 0644)")])
        // A warning that went away and came back is new again; one at another position is another warning.
        #expect(warnings.toLog([warning(1)], changesConfiguration: false) == [])
        #expect(warnings.toLog([warning(1), warning(3, "file holding secret 'K' is readable by group or others (mode 0644)")],
                               changesConfiguration: false).count == 1)
        #expect(warnings.toLog([warning(2)], changesConfiguration: false) == [warning(2)])
    }
}
