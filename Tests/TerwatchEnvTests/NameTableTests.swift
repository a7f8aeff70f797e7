import Testing
@testable import TerwatchEnv

/// The key table and the name hashing the parser and resolver share.
@Suite struct NameTableTests {
    func hash(_ name: String) -> Int {
        Array(name.utf8).withUnsafeBufferPointer { NameBytes.hash($0) }
    }

    func equal(_ lhs: String, _ rhs: String) -> Bool {
        Array(lhs.utf8).withUnsafeBufferPointer { left in
            Array(rhs.utf8).withUnsafeBufferPointer { NameBytes.equal(left, $0) }
        }
    }

    @Test func equalNamesHashAlikeAndLengthsAndTailsCount() {
        #expect(hash("DATABASE_URL") == hash("DATABASE_URL"))
        let names = ["", "A", "AB", "A\u{0}", "ABCDEFGH", "ABCDEFGHI", "ABCDEFGHIJKLMNOP", "ABCDEFGHIJKLMNOQ", "BA"]
        #expect(Set(names.map(hash)).count == names.count)
    }

    @Test func namesCompareByEveryByte() {
        #expect(equal("SERVICE_1_HOST", "SERVICE_1_HOST"))
        #expect(equal("", ""))
        #expect(!equal("SERVICE_1_HOST", "SERVICE_1_HOSU"))
        #expect(!equal("SERVICE_1_HOST", "TERVICE_1_HOST"))
        #expect(!equal("ABC", "ABCD"))
    }

    @Test func findsEachStoredIndexAmongCollidingBuckets() {
        // Few buckets for many names: probes run through long stretches of full buckets.
        let names = (0..<1_000).map { "KEY_\($0)" }
        var table = NameTable(capacity: names.count)
        for (index, name) in names.enumerated() { table.insert(hash: hash(name), index: index) }
        for (index, name) in names.enumerated() {
            #expect(table.candidates(for: hash(name)).filter { names[$0] == name } == [index])
        }
        #expect(table.candidates(for: hash("MISSING")).allSatisfy { names[$0] != "MISSING" })
    }

    @Test func aTableForMoreNamesThanSixteenBitsCountFindsEveryOne() {
        // Indices take 17 bits of each 32-bit bucket here, the tag the other 15.
        let names = (0..<70_000).map { "SERVICE_\($0)_HOST" }
        var table = NameTable(capacity: names.count)
        for (index, name) in names.enumerated() { table.insert(hash: hash(name), index: index) }
        let found = names.indices.filter { index in table.candidates(for: hash(names[index])).contains(index) }
        #expect(found.count == names.count)
        #expect(table.candidates(for: hash("MISSING")).allSatisfy { names[$0] != "MISSING" })
    }

    @Test func sameHashDifferentNamesAreBothKept() {
        var table = NameTable(capacity: 2)
        table.insert(hash: 42, index: 0)
        table.insert(hash: 42, index: 1)
        #expect(Array(table.candidates(for: 42)) == [0, 1])
        // Same bucket, other high half: no candidate.
        #expect(Array(table.candidates(for: 42 | 1 << 40)).isEmpty)
    }
}
