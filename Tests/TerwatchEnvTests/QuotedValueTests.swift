import Testing
import TerwatchEnv

@Suite struct QuotedValueTests {
    @Test func singleQuotesAreLiteral() {
        #expect(pairs("A='$HOME \\n ${X} \\'\nB=' spaced '\n", environment: ["HOME": "/h"]) ==
            [Pair("A", "$HOME \\n ${X} \\"), Pair("B", " spaced ")])
    }

    @Test func singleQuotesMaySpanLines() {
        #expect(pairs("A='line one\nline two'\nB=2\n") == [Pair("A", "line one\nline two"), Pair("B", "2")])
    }

    @Test func doubleQuoteEscapes() {
        #expect(pairs(#"A="a\nb\rc\td\\e\"f\$g\`h""#) == [Pair("A", "a\nb\rc\td\\e\"f$g`h")])
    }

    @Test func otherEscapesInDoubleQuotesStayAsWritten() {
        #expect(pairs(#"A="\q\x41\ \u""#) == [Pair("A", #"\q\x41\ \u"#)])
    }

    @Test func doubleQuotesExpand() {
        #expect(pairs("H=/h\nA=\"$H/${H}\"\n") == [Pair("H", "/h"), Pair("A", "/h//h")])
    }

    @Test func doubleQuotesMaySpanLinesAndKeepTheLineBreaks() {
        #expect(pairs("KEY=\"-----BEGIN-----\nabc\n-----END-----\"\nB=2\n") ==
            [Pair("KEY", "-----BEGIN-----\nabc\n-----END-----"), Pair("B", "2")])
    }

    @Test func lineNumbersAfterAMultiLineDoubleQuotedValue() {
        // Lines after the value count its line breaks; so do positions inside a later multi-line value.
        #expect(errors("K=\"a\nb\nc\"\nX Y\nL=\"d\ne\\q\nf\" z\n") == [
            "4:3: unexpected 'Y' after key 'X'; expected '='",
            "7:4: unexpected 'z' after the closing quote of 'L'",
        ])
        #expect(pairs("K=\"a\r\nb\nc\"\n") == [Pair("K", "a\nb\nc")])
        #expect(errors("A=\"one\ntwo\nB=2\nC D\n") == [
            "1:3: unterminated double-quoted value of 'A'", "4:3: unexpected 'D' after key 'C'; expected '='",
        ])
    }

    @Test func backslashLineBreakInDoubleQuotesIsAContinuation() {
        #expect(pairs("A=\"one \\\ntwo\"\n") == [Pair("A", "one two")])
    }

    @Test func backticksAreLiteral() {
        #expect(pairs("A=`it's \"$X\"`\nB=`a\nb`\n") == [Pair("A", "it's \"$X\""), Pair("B", "a\nb")])
    }

    @Test func blanksAndACommentMayFollowTheClosingQuote() {
        #expect(pairs("A='x'   # note\nB=\"y\"\t\nC='z'#tight\n") == [Pair("A", "x"), Pair("B", "y"), Pair("C", "z")])
    }

    @Test func hashInsideQuotesIsText() {
        #expect(pairs("A='a #b'\nB=\"c #d\"\n") == [Pair("A", "a #b"), Pair("B", "c #d")])
    }

    @Test func textAfterTheClosingQuoteIsAnError() {
        #expect(errors("A='x' y\nB=\"x\"y\n") == [
            "1:7: unexpected 'y' after the closing quote of 'A'",
            "2:6: unexpected 'y' after the closing quote of 'B'",
        ])
    }

    @Test func unclosedQuoteIsReportedAtTheOpeningQuoteAndParsingResumesOnTheNextLine() {
        #expect(errors("A=1\nB='never closed\nC=3\nD E\n") == [
            "2:3: unterminated single-quoted value of 'B'",
            "4:3: unexpected 'E' after key 'D'; expected '='",
        ])
        #expect(errors("X=\"open\n") == ["1:3: unterminated double-quoted value of 'X'"])
        #expect(errors("X=`open\n") == ["1:3: unterminated backtick-quoted value of 'X'"])
    }
}
