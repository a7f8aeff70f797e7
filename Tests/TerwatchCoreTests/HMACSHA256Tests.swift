import Testing
import TerwatchCore

/// RFC 4231 test cases 1, 2 and 6 (a key longer than a block).
@Suite struct HMACSHA256Tests {
    @Test func authenticatesRFC4231Case1() {
        let code = HMACSHA256.code(for: "Hi There".utf8, key: [UInt8](repeating: 0x0B, count: 20))
        #expect(code.hex == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    }

    @Test func authenticatesRFC4231Case2() {
        let code = HMACSHA256.code(for: "what do ya want for nothing?".utf8, key: Array("Jefe".utf8))
        #expect(code.hex == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func hashesAKeyLongerThanABlock() {
        let code = HMACSHA256.code(
            for: "Test Using Larger Than Block-Size Key - Hash Key First".utf8,
            key: [UInt8](repeating: 0xAA, count: 131)
        )
        #expect(code.hex == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }
}
