import Testing
import TerwatchCore

@Suite struct OutputTailTests {
    @Test func keepsEverythingUnderTheLimit() {
        var tail = OutputTail(limit: 10)
        tail.append(Array("abc".utf8))
        tail.append(Array("defghij".utf8))
        #expect(tail.text == "abcdefghij")
        #expect(tail.droppedByteCount == 0)
        #expect(tail.totalByteCount == 10)
    }

    @Test func keepsTheLastBytesAcrossChunks() {
        var tail = OutputTail(limit: 4)
        for chunk in ["ab", "cdefg", "h", "", "ijklmnopqrstuvwxyz"] { tail.append(Array(chunk.utf8)) }
        #expect(tail.bytes == Array("wxyz".utf8))
        #expect(tail.droppedByteCount == 22)
        #expect(tail.totalByteCount == 26)
    }

    @Test func keepsNothingWithALimitOfZero() {
        var tail = OutputTail(limit: 0)
        tail.append(Array("abc".utf8))
        #expect(tail.bytes.isEmpty)
        #expect(tail.droppedByteCount == 3)
    }

    @Test func leavesOutTheRestOfACharacterCutByTheLimit() {
        var tail = OutputTail(limit: 3)
        tail.append(Array("éab".utf8))
        #expect(tail.bytes == [0xA9, 0x61, 0x62])
        #expect(tail.text == "ab")
        var fourBytes = OutputTail(limit: 4)
        fourBytes.append(Array("x😀ab".utf8))
        #expect(fourBytes.text == "ab")
        // Invalid UTF-8 that was not cut is still replaced.
        var invalid = OutputTail(limit: 8)
        invalid.append([0x80, 0x61])
        #expect(invalid.text == "\u{FFFD}a")
    }
}
