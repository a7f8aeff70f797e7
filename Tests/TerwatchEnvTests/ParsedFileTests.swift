import Testing
@testable import TerwatchEnv

/// The parser's compact form and the public `[Entry]` form built from it.
@Suite struct ParsedFileTests {
    let parser = DotenvParser()

    @Test func entriesAreBuiltFromTheCompactRecords() {
        let text = "export A=plain # note\nB='it''s'\nB2='a b'\nC=\"x\\ty $A ${B:-d$A}\"\nD\nE=<<EOF\n${A}\nEOF\n"
        let parsed = parser.parse(text, path: ".env")
        let reference = { (name: String, column: Int, line: Int) in Reference(name: name, position: SourcePosition(line: line, column: column)) }
        #expect(parsed.entries == [
            Entry(key: "A", value: .literal("plain"), quoting: .none, position: SourcePosition(line: 1, column: 8)),
            Entry(key: "B2", value: .literal("a b"), quoting: .single, position: SourcePosition(line: 3, column: 1)),
            Entry(key: "C", value: .template(Template([
                .text("x\ty "), .reference(reference("A", 9, 4)), .text(" "),
                .reference(Reference(
                    name: "B", operation: .useDefault, treatsEmptyAsUnset: true,
                    word: [.text("d"), .reference(reference("A", 18, 4))], position: SourcePosition(line: 4, column: 12)
                )),
            ])), quoting: .double, position: SourcePosition(line: 4, column: 1)),
            Entry(key: "D", value: .inherited, quoting: .bare, position: SourcePosition(line: 5, column: 1)),
            Entry(key: "E", value: .template(Template([.reference(reference("A", 1, 7))])), quoting: .heredoc,
                  position: SourcePosition(line: 6, column: 1)),
        ])
        #expect(parsed.diagnostics.map(\.description) == [
            ".env:2:7: error: unexpected ''' after the closing quote of 'B'",
            ".env:6:3: warning: heredocs are a terwatch extension; other dotenv readers take the '<<' line literally",
        ])
    }

    @Test func aWordThatNeverClosesLeavesNothingOfItsNestedReferences() {
        let parsed = parser.parse("C=${U:-${E:+no${S#}}\n", path: ".env")
        #expect(parsed.entries.map(\.value) == [.literal("")])
    }

    @Test func handMadeEntriesResolveLikeParsedOnes() {
        let text = "A=1\nB=${A}2\nA=$A+\nC=${X:=x$B}\nD\n"
        let parsed = parser.parse(text, path: ".env")
        let handMade = ParsedFile(path: parsed.path, entries: parsed.entries, diagnostics: parsed.diagnostics)
        let environment = ["D": "inherited"]
        let fromParsed = Resolver().resolve([parsed]) { environment[$0] }
        let fromHandMade = Resolver().resolve([handMade]) { environment[$0] }
        #expect(fromParsed == fromHandMade)
        #expect(fromParsed.entries.map { "\($0.key)=\($0.value)" } == ["A=1+", "B=1+2", "C=x1+2", "D=inherited", "X=x1+2"])
    }

    @Test func equalityAndPrintingLookAtTheEntriesNotHowTheyAreHeld() {
        let parsed = parser.parse("A=1\nB=$A\n", path: ".env")
        let handMade = ParsedFile(path: ".env", entries: parsed.entries)
        #expect(parsed == handMade)
        #expect(parsed.hashValue == handMade.hashValue)
        #expect(String(describing: parsed) == String(describing: handMade))
        #expect(String(describing: parsed).contains("entries: [TerwatchEnv.Entry(key: \"A\""))
    }

    @Test func changingTheEntriesReplacesTheCompactForm() {
        var parsed = parser.parse("A=1\n", path: ".env")
        parsed.entries.append(Entry(key: "B", value: .literal("2"), quoting: .none, position: SourcePosition(line: 2, column: 1)))
        parsed.entries[0].value = .literal("one")
        let resolution = Resolver().resolve([parsed]) { _ in nil }
        #expect(resolution.entries.map { "\($0.key)=\($0.value)" } == ["A=one", "B=2"])
    }

    @Test func handMadeNamesEqualAsStringsAreOneKey() {
        let composed = "CAF\u{C9}"
        let decomposed = "CAFE\u{301}"
        let start = SourcePosition(line: 1, column: 1)
        let first = ParsedFile(path: "a", entries: [Entry(key: composed, value: .literal("1"), quoting: .none, position: start)])
        let second = ParsedFile(path: "b", entries: [
            Entry(key: decomposed, value: .literal("2"), quoting: .none, position: start),
            Entry(key: "R", value: .template(Template([.reference(Reference(name: decomposed, position: start))])),
                  quoting: .none, position: start),
        ])
        let resolution = Resolver().resolve([first, second]) { _ in nil }
        #expect(resolution.entries.map(\.key).map { Array($0.unicodeScalars) } == [Array(composed.unicodeScalars), ["R"]])
        #expect(resolution.entries.map(\.value) == ["2", "2"])
    }

    @Test func invalidUTF8IsRepairedPieceByPieceNotAcrossPieces() {
        // A's lone lead byte and the two continuation bytes after ${A} would make a valid '€' if joined.
        let bytes: [UInt8] = Array("A=".utf8) + [0xE2] + Array("\nB=${A}".utf8) + [0x82, 0xAC] + [0x0A]
        let parsed = parser.parse(bytes, path: ".env")
        let resolution = Resolver().resolve([parsed]) { _ in nil }
        #expect(resolution.entries.map(\.value) == ["\u{FFFD}", "\u{FFFD}\u{FFFD}\u{FFFD}"])
        #expect(parsed.diagnostics.map(\.description) == [
            ".env:1:3: error: invalid UTF-8 byte 0xE2", ".env:2:7: error: invalid UTF-8 byte 0x82",
        ])
    }
}
