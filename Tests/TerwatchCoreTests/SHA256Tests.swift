import Testing
import TerwatchCore

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func hashesTheStandardVectors(message: String, hex: String) {
        #expect(SHA256.hash(message.utf8).hex == hex)
    }

    @Test func hashesAMillionLetterA() {
        #expect(SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)).hex
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func givesTheSameDigestWhateverTheChunking() {
        let message = (0..<1000).map { UInt8($0 % 251) }
        let expected = "4e4c294b331f7a2099a379bec34b9f9fc03dc46ab465d998f4d683da53487e6d"
        #expect(SHA256.hash(message).hex == expected)
        for chunk in [1, 7, 63, 64, 65, 200] {
            var hasher = SHA256()
            var start = 0
            while start < message.count {
                hasher.update(message[start..<min(start + chunk, message.count)])
                start += chunk
            }
            #expect(hasher.finalize().hex == expected, "chunks of \(chunk)")
        }
    }

    @Test func hashesNonContiguousSequences() {
        #expect(SHA256.hash("abc".utf8.lazy.map { $0 }).hex == SHA256.hash("abc".utf8).hex)
    }

    @Test func describesItselfWithItsAlgorithm() {
        #expect(SHA256.hash([]).description == "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func framesNumbersBigEndian() {
        var hasher = SHA256()
        hasher.update(bigEndian: 0x0102_0304_0506_0708)
        #expect(hasher.finalize() == SHA256.hash([1, 2, 3, 4, 5, 6, 7, 8]))
    }
}
