import Testing
import TerwatchEnv

@Suite struct UnquotedValueTests {
    @Test func runsToTheEndOfTheLineWithBlanksAtBothEndsDropped() {
        #expect(pairs("A=  hello world \t\n") == [Pair("A", "hello world")])
    }

    @Test func blankThenHashStartsAComment() {
        #expect(pairs("A=value # comment\nB=value\t# tab comment\n") == [Pair("A", "value"), Pair("B", "value")])
    }

    @Test func hashWithoutABlankBeforeItIsPartOfTheValue() {
        #expect(pairs("URL=http://h/#x\nC=#channel\nD=a#b #c\n") ==
            [Pair("URL", "http://h/#x"), Pair("C", "#channel"), Pair("D", "a#b")])
    }

    @Test func escapedDollarIsALiteralDollar() {
        #expect(pairs("A=cost \\$5 and \\$HOME\n", environment: ["HOME": "/h"]) == [Pair("A", "cost $5 and $HOME")])
    }

    @Test func otherBackslashesAreLiteral() {
        #expect(pairs("A=C:\\path\\to\\n\n") == [Pair("A", "C:\\path\\to\\n")])
    }

    @Test func backslashAtTheEndOfALineContinuesTheValue() {
        #expect(pairs("A=one \\\n  two\nB=x\n") == [Pair("A", "one   two"), Pair("B", "x")])
        #expect(pairs("A=a\\\r\nb\r\n") == [Pair("A", "ab")])
        #expect(pairs("A=a\\\nb\\\nc # done\n") == [Pair("A", "abc")])
    }

    @Test func continuationLineNumbersStayRight() {
        #expect(errors("A=a\\\nb\nC D\n") == ["3:3: unexpected 'D' after key 'C'; expected '='"])
    }

    @Test func quotesInsideAnUnquotedValueAreLiteral() {
        #expect(pairs("A=it's \"fine\"\n") == [Pair("A", "it's \"fine\"")])
    }

    @Test func nonASCIIText() {
        #expect(pairs("GREETING=héllo wörld ✓\n") == [Pair("GREETING", "héllo wörld ✓")])
    }

    @Test func loneCarriageReturnIsKept() {
        #expect(pairs("A=a\rb\n") == [Pair("A", "a\rb")])
    }
}
