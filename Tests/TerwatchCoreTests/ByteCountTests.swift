import Testing
import TerwatchCore

@Suite struct ByteCountTests {
    @Test(arguments: [
        ("0", 0), ("1048576", 1_048_576), ("512K", 512 << 10), ("20M", 20 << 20), ("1G", 1 << 30),
        ("3KiB", 3 << 10), ("2MiB", 2 << 20), ("1GiB", 1 << 30),
    ])
    func parsesNumbersAndUnits(text: String, bytes: Int) {
        #expect(ByteCount(parsing: text)?.bytes == bytes)
    }

    @Test(arguments: ["", "-1", "1.5M", "M", "20X", "20 M", "20m", "99999999999999999999", "9000000000000G"])
    func refusesAnythingElse(text: String) {
        #expect(ByteCount(parsing: text) == nil)
    }
}
