import Testing
import TerwatchCore

/// The hash chain: intact logs, and the first broken line for each kind of tampering.
@Suite struct AuditChainTests {
    /// Three chained records with bodies `{"n":1}`-like members.
    private static func log(_ count: Int = 3) -> [String] {
        var lines: [String] = []
        var previous = AuditChain.origin
        for number in 1...count {
            let line = #"{"prev":"\#(previous)","n":\#(number)}"# + "\n"
            lines.append(line)
            previous = SHA256.hash(Array(line.utf8)).hex
        }
        return lines
    }

    private func verify(_ lines: [String]) -> AuditChain.Verification {
        AuditChain.verify(Array(lines.joined().utf8))
    }

    @Test func passesAnIntactLogAndAnEmptyOne() {
        #expect(verify(Self.log()) == .intact(records: 3))
        #expect(verify([]) == .intact(records: 0))
    }

    @Test func findsAChangedByteAtTheNextLine() {
        var lines = Self.log()
        lines[1] = lines[1].replacingOccurrences(of: #""n":2"#, with: #""n":7"#)
        #expect(verify(lines) == .broken(line: 3, reason: "prev does not match the SHA-256 of line 2"))
    }

    @Test func findsAChangedPrevAtItsOwnLine() {
        var lines = Self.log()
        lines[2] = #"{"prev":"\#(String(repeating: "a", count: 64))","n":3}"# + "\n"
        #expect(verify(lines) == .broken(line: 3, reason: "prev does not match the SHA-256 of line 2"))
    }

    @Test func findsADeletedLineWhereItWas() {
        var lines = Self.log(4)
        lines.remove(at: 1)
        #expect(verify(lines) == .broken(line: 2, reason: "prev does not match the SHA-256 of line 1"))
        #expect(verify(Array(Self.log().dropFirst())) == .broken(line: 1, reason: "the first record's prev is not all zeros"))
    }

    @Test func findsReorderedLines() {
        var lines = Self.log(4)
        lines.swapAt(1, 2)
        #expect(verify(lines) == .broken(line: 2, reason: "prev does not match the SHA-256 of line 1"))
    }

    @Test func refusesLinesThatAreNotRecordsAndACutShortEnd() {
        var lines = Self.log()
        lines.insert("\n", at: 1)
        #expect(verify(lines) == .broken(line: 2, reason: "the record does not start with a prev hash"))
        var upper = Self.log()
        upper[0] = upper[0].uppercased()
        #expect(verify(upper) == .broken(line: 1, reason: "the record does not start with a prev hash"))
        var cut = Self.log()
        cut[2].removeLast()
        #expect(verify(cut) == .broken(line: 3, reason: "the last record has no line break (a write cut short?)"))
    }
}
