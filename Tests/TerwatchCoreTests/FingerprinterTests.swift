import Testing
import TerwatchCore

@Suite struct FingerprinterTests {
    @Test func writesTheHMACOfTheValueUnderItsKey() {
        let fingerprinter = Fingerprinter(key: Array(0..<32))
        #expect(fingerprinter.fingerprint("s3cr3t")
            == "hmac-sha256:5cc935b01a05052448b89e0dfc39f87c1427571750db69fe45203a8c505b7b1c")
    }

    @Test func drawsADifferentKeyForEachRun() throws {
        let one = try Fingerprinter.random()
        let two = try Fingerprinter.random()
        #expect(one.fingerprint("same") == one.fingerprint("same"))
        #expect(one.fingerprint("same") != two.fingerprint("same"))
        #expect(one.fingerprint("same").count == Fingerprinter.prefix.count + 64)
    }
}
