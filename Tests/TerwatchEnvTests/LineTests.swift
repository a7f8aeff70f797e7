import Testing
import TerwatchEnv

@Suite struct LineTests {
    @Test func blankLinesAndCommentsDefineNothing() {
        #expect(pairs("\n   \n# comment\n  # indented comment\nA=1\n\t\n") == [Pair("A", "1")])
    }

    @Test func byteOrderMarkAtTheStartIsSkipped() {
        #expect(pairs("\u{FEFF}A=1\n") == [Pair("A", "1")])
        #expect(diagnostics("\u{FEFF}A=1\nB C=2\n") == ["2:3: error: unexpected 'C' after key 'B'; expected '='"])
    }

    @Test func crlfLineEndsAreAcceptedAndCRIsNotPartOfTheValue() {
        #expect(pairs("A=1\r\nB='two'\r\nC=\"x\r\ny\"\r\n") == [Pair("A", "1"), Pair("B", "two"), Pair("C", "x\ny")])
    }

    @Test func lastLineWithoutLineBreak() {
        #expect(pairs("A=1\nB=2") == [Pair("A", "1"), Pair("B", "2")])
    }

    @Test func exportPrefixIsIgnored() {
        #expect(pairs("export A=1\nexport\tB = 2\n") == [Pair("A", "1"), Pair("B", "2")])
    }

    @Test func exportAloneOrAssignedIsAKey() {
        #expect(pairs("export=1\n") == [Pair("export", "1")])
        #expect(pairs("export", environment: ["export": "e"]) == [Pair("export", "e")])
    }

    @Test func blanksAroundEqualsAreAllowed() {
        #expect(pairs("A = 1\nB\t=\t2\n  C=3") == [Pair("A", "1"), Pair("B", "2"), Pair("C", "3")])
    }

    @Test func keysMayHoldDigitsDotsAndDashes() {
        #expect(pairs("1KEY=a\nmy.key=b\nmy-key=c\n_x=d\n") ==
            [Pair("1KEY", "a"), Pair("my.key", "b"), Pair("my-key", "c"), Pair("_x", "d")])
    }

    @Test func nonPortableKeyNamesAreWarnedAbout() {
        #expect(diagnostics("1KEY=a\nmy.key=b\nGOOD=c\n") == [
            "1:1: warning: '1KEY' is not a portable shell variable name",
            "2:1: warning: 'my.key' is not a portable shell variable name",
        ])
    }

    @Test func bareKeyCopiesTheInheritedValue() {
        #expect(pairs("HOME\nexport USER\nA=1\n", environment: ["HOME": "/root", "USER": "me"]) ==
            [Pair("HOME", "/root"), Pair("USER", "me"), Pair("A", "1")])
    }

    @Test func bareKeyUnsetInTheEnvironmentSetsNothing() {
        #expect(pairs("MISSING\nA=1\n") == [Pair("A", "1")])
        #expect(pairs("A=file\nA\n") == [Pair("A", "file")])
        #expect(pairs("A=file\nA # keep\n", environment: ["A": "env"]) == [Pair("A", "env")])
    }

    @Test func duplicateKeysLastWinsWithAWarning() {
        #expect(pairs("A=1\nB=2\nA=3\n") == [Pair("A", "3"), Pair("B", "2")])
        #expect(diagnostics("A=1\nB=2\n A=3\n") == [
            "3:2: warning: duplicate key 'A' (first defined on line 1); the last definition wins",
        ])
    }

    @Test func emptyValues() {
        #expect(pairs("A=\nB=''\nC=\"\"\nD= \nE=  # only a comment\n") ==
            [Pair("A", ""), Pair("B", ""), Pair("C", ""), Pair("D", ""), Pair("E", "")])
    }
}
