import Testing
import TerwatchEnv

@Suite struct HeredocTests {
    @Test func bodyLinesJoinedWithoutAFinalLineBreak() {
        #expect(pairs("CERT=<<EOF\nline 1\n  line 2\nEOF\nB=2\n") == [Pair("CERT", "line 1\n  line 2"), Pair("B", "2")])
    }

    @Test func terminatorMayHaveTrailingBlanksButNothingElse() {
        #expect(pairs("A=<<END\nx\n END\nEND  \n") == [Pair("A", "x\n END")])
    }

    @Test func emptyBodyAndBlankLines() {
        #expect(pairs("A=<<EOF\nEOF\nB=<<EOF\n\nEOF\nC=<<EOF\na\n\nEOF\n") == [Pair("A", ""), Pair("B", ""), Pair("C", "a\n")])
    }

    @Test func dashStripsLeadingTabsFromBodyAndTerminator() {
        #expect(pairs("A=<<-EOF\n\t\tindented\n\t  mixed\n\tEOF\n") == [Pair("A", "indented\n  mixed")])
    }

    @Test func tildeRemovesTheCommonIndentation() {
        #expect(pairs("A=<<~EOF\n    one\n      two\n\n    three\n  EOF\n") == [Pair("A", "one\n  two\n\nthree")])
    }

    @Test func unquotedDelimiterExpandsWithoutEscapes() {
        #expect(pairs("H=/h\nA=<<EOF\n$H and ${H:-x} \\n \\$H $$\nEOF\n") == [Pair("H", "/h"), Pair("A", "/h and /h \\n \\/h $")])
    }

    @Test func quotedDelimiterTurnsExpansionOff() {
        #expect(pairs("H=/h\nA=<<'EOF'\n$H\nEOF\nB=<<\"EOF\"\n${H}\nEOF\n") == [Pair("H", "/h"), Pair("A", "$H"), Pair("B", "${H}")])
    }

    @Test func crlfBody() {
        #expect(pairs("A=<<EOF\r\none\r\ntwo\r\nEOF\r\nB=1\r\n") == [Pair("A", "one\ntwo"), Pair("B", "1")])
    }

    @Test func literalBodiesWithCRLFOrStrippedTabsLoseThemAndOthersKeepEveryByte() {
        #expect(pairs("A=<<'EOF'\r\none\r\ntwo\r\nEOF\r\nB=<<-'EOF'\n\tx\n\ty\n\tEOF\nC=<<'EOF'\nplain $X\n\n lines \nEOF\nD=1\n") == [
            Pair("A", "one\ntwo"), Pair("B", "x\ny"), Pair("C", "plain $X\n\n lines "), Pair("D", "1"),
        ])
    }

    @Test func commentAfterTheOpener() {
        #expect(pairs("A=<<EOF # a heredoc\nx\nEOF\n") == [Pair("A", "x")])
    }

    @Test func unterminatedHeredocPointsAtItsOpeningLineAndTakesTheRestOfTheFile() {
        let parsed = DotenvParser().parse("A=1\nB=<<EOF\nbody\nC D\nE=<<EOF\n", path: ".env")
        #expect(parsed.entries.map(\.key) == ["A"])
        #expect(errors("A=1\nB=<<EOF\nbody\nC D\nE=<<EOF\n") == ["2:3: unterminated heredoc 'EOF' of 'B'"])
    }

    @Test func malformedOpeners() {
        #expect(errors("A=<<\nB=<<'EOF\nC=<<EOF x\n") == [
            "1:5: expected a heredoc delimiter after '<<', found end of line",
            "2:9: unterminated quote around heredoc delimiter 'EOF'",
            "3:9: unexpected 'x' after the heredoc delimiter 'EOF'",
        ])
    }

    @Test func referencePositionsInsideTheBody() {
        #expect(diagnostics("A=<<EOF\nab ${X:?need it}\nEOF\n").contains("2:4: error: 'X' is not set: need it"))
    }
}

@Suite struct PeerDifferenceWarningTests {
    @Test func heredocsAreWarnedAboutAsAnExtension() {
        #expect(diagnostics("A=<<'EOF'\nx\nEOF\n") == [
            "1:3: warning: heredocs are a terwatch extension; other dotenv readers take the '<<' line literally",
        ])
    }

    @Test func unquotedContinuationIsWarnedAboutAsAnExtension() {
        #expect(diagnostics("A=one\\\ntwo\nB=\"x\\\ny\"\n") == [
            "1:6: warning: line continuation is a terwatch extension; other dotenv readers keep the backslash and end the value here",
        ])
    }
}
