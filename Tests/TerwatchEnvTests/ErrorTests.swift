import Testing
import TerwatchEnv

@Suite struct ErrorTests {
    @Test func everyErrorOfAFileIsReportedWithItsPosition() {
        #expect(errors("=novalue\n  !bad=1\nGOOD=1\nNAME: value\nKEY VALUE\nKEY!=1\n") == [
            "1:1: missing key before '='",
            "2:3: invalid character '!' at the start of a key",
            "4:5: 'NAME: …' is YAML syntax, not dotenv; write 'NAME=value'",
            "5:5: unexpected 'V' after key 'KEY'; expected '='",
            "6:4: invalid character '!' in key 'KEY!'",
        ])
    }

    @Test func invalidUTF8IsAnErrorAtItsPosition() {
        let bytes: [UInt8] = Array("A=ok\nB=é".utf8) + [0xFF] + Array("x\nC=\u{1F600}".utf8) + [0xC0, 0x80] + [0x0A]
        let parsed = DotenvParser().parse(bytes, path: ".env")
        #expect(parsed.diagnostics.map(\.description) == [
            ".env:2:4: error: invalid UTF-8 byte 0xFF",
            ".env:3:4: error: invalid UTF-8 byte 0xC0",
        ])
    }

    @Test func invalidUTF8FarIntoALargeFileAndBeforeAParseErrorAtTheSamePlace() {
        // Far past the first block the parser checks; then on the same byte as a parse error.
        let filler = Array(String(repeating: "FILLER=0123456789abcdef0123456789\n", count: 3_000).utf8)
        let bytes = filler + Array("A=x".utf8) + [0xE9] + Array("\n".utf8) + [0xFF] + Array("=1\nB=2\n".utf8)
        let parsed = DotenvParser().parse(bytes, path: ".env")
        #expect(parsed.diagnostics.map(\.description) == [
            ".env:3001:4: error: invalid UTF-8 byte 0xE9",
            ".env:3002:1: error: invalid UTF-8 byte 0xFF",
            ".env:3002:1: error: invalid character '\u{FFFD}' at the start of a key",
        ])
    }

    @Test func fileOverTheSizeLimitIsOneError() {
        let parsed = DotenvParser(limits: ParseLimits(maxFileBytes: 10)).parse("A=0123456789\n", path: "big.env")
        #expect(parsed.entries.isEmpty)
        #expect(parsed.diagnostics.map(\.description) == ["big.env:1:1: error: file is 13 bytes, over the limit of 10 bytes"])
    }

    @Test func valueOverTheSizeLimitIsAnError() {
        let limits = ParseLimits(maxValueBytes: 4)
        #expect(errors("A=1234\nB=12345\nC='123456'\nD=<<EOF\n12\n345\nEOF\n", limits: limits) == [
            "2:3: value of 'B' is 5 bytes, over the limit of 4 bytes",
            "3:3: value of 'C' is 7 bytes, over the limit of 4 bytes",
            "4:3: value of 'D' is 11 bytes, over the limit of 4 bytes",
        ])
    }

    @Test func tooManyKeysStopsTheParse() {
        let limits = ParseLimits(maxKeys: 2)
        #expect(errors("A=1\nB=2\nA=3\nC=4\nD=5\n", limits: limits) == ["3:1: more than 2 definitions in one file"])
    }

    @Test func diagnosticsPrintAsPathLineColumn() {
        let diagnostic = Diagnostic(.warning, path: "dir/.env", position: SourcePosition(line: 3, column: 7), message: "m")
        #expect(diagnostic.description == "dir/.env:3:7: warning: m")
    }
}
