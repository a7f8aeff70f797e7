import Testing
import TerwatchEnv

@Suite struct ExpansionTests {
    let environment = ["SET": "s", "EMPTY": ""]

    func value(_ text: String, _ environment: [String: String]? = nil) -> String? {
        pairs("V=\(text)\n", environment: environment ?? self.environment).first { $0.key == "V" }?.value
    }

    @Test(arguments: [
        ("$SET", "s"), ("${SET}", "s"), ("$UNSET", ""), ("${UNSET}", ""),
        ("${SET:-d}", "s"), ("${EMPTY:-d}", "d"), ("${UNSET:-d}", "d"),
        ("${SET-d}", "s"), ("${EMPTY-d}", ""), ("${UNSET-d}", "d"),
        ("${SET:=d}", "s"), ("${EMPTY:=d}", "d"), ("${UNSET:=d}", "d"),
        ("${SET=d}", "s"), ("${EMPTY=d}", ""), ("${UNSET=d}", "d"),
        ("${SET:+w}", "w"), ("${EMPTY:+w}", ""), ("${UNSET:+w}", ""),
        ("${SET+w}", "w"), ("${EMPTY+w}", "w"), ("${UNSET+w}", ""),
        ("${SET:?m}", "s"), ("${SET?m}", "s"), ("${EMPTY?m}", ""),
    ])
    func operators(_ text: String, _ expected: String) {
        #expect(value(text) == expected)
    }

    @Test func wordsNestAndHoldReferences() {
        #expect(value("${UNSET:-${ALSO_UNSET:-$SET-fallback}}") == "s-fallback")
        #expect(value("${SET:+[${SET}]}") == "[s]")
    }

    @Test func unbracedNameIsTheLongestRunOfNameCharacters() {
        #expect(value("$SET.txt", ["SET": "file"]) == "file.txt")
        #expect(value("$SET_x", ["SET": "file", "SET_x": "long"]) == "long")
        #expect(value("${SET}_x", ["SET": "file"]) == "file_x")
    }

    @Test func bracedNamesMayHoldDots() {
        #expect(value("${A.B}", ["A.B": "dotted"]) == "dotted")
    }

    @Test func doubleDollarIsALiteralDollar() {
        #expect(value("$$SET") == "$SET")
    }

    @Test func dollarBeforeANonNameCharacterIsLiteral() {
        #expect(value("cost $5 $ $-x $") == "cost $5 $ $-x $")
    }

    @Test func commandSubstitutionIsNeverExecuted() {
        #expect(value("$(rm -rf /) `id`") == "$(rm -rf /) `id`")
    }

    @Test func commentInsideBracesIsText() {
        #expect(value("${UNSET:-a #b} #c") == "a #b")
    }

    @Test func noExpandTakesValuesLiterally() {
        #expect(pairs("A=$HOME ${X:-y} $$\nB=\"\\$x $y\"\nC=<<EOF\n$z\nEOF\n", environment: ["HOME": "/h"], expands: false) ==
            [Pair("A", "$HOME ${X:-y} $$"), Pair("B", "$x $y"), Pair("C", "$z")])
    }

    @Test func failOperatorReportsItsMessageAtTheReference() {
        #expect(errors("A=x\nV=ab${UNSET:?set UNSET to ${A}}\n") == ["2:5: 'UNSET' is not set: set UNSET to x"])
        #expect(errors("V=${EMPTY:?}\n", environment: ["EMPTY": ""]) == ["1:3: 'EMPTY' is empty"])
    }

    @Test func undefinedReferenceIsAWarning() {
        #expect(diagnostics("A=$NOPE\nB=${NOPE:-fine}\n") == ["1:3: warning: undefined variable 'NOPE' expands to empty"])
    }

    @Test func malformedReferencesAreErrorsAtTheirDollar() {
        #expect(errors("A=${}\nB=x${1}\nC=${A B}\nD=${UNCLOSED\nE=\"${Q\"\nF=${A:x}\n") == [
            "1:3: missing variable name in '${}'",
            "2:4: invalid variable name in '${': '1' cannot start a name",
            "3:3: invalid character a space after '${A'",
            "4:3: unclosed '${' of 'UNCLOSED'",
            "5:4: unclosed '${' of 'Q'",
            "6:3: invalid character 'x' after '${A'",
        ])
    }

    @Test func unclosedWordIsAnErrorAtItsDollar() {
        #expect(errors("A=é${X:-${Y:-z}\n") == ["1:4: unclosed '${' of 'X'"])
    }

    @Test func columnsCountUnicodeScalars() {
        #expect(errors("A=ééé ✓ ${}\n") == ["1:9: missing variable name in '${}'"])
    }

    @Test func nestingDeeperThanTheLimitIsAnError() {
        let deep = String(repeating: "${X:-", count: 33) + "x" + String(repeating: "}", count: 33)
        #expect(errors("A=\(deep)\n") == ["1:163: expansion nested deeper than 32 levels"])
        let allowed = String(repeating: "${X:-", count: 32) + "x" + String(repeating: "}", count: 32)
        #expect(pairs("A=\(allowed)\n") == [Pair("A", "x")])
    }
}
