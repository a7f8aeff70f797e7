import Testing
import TerwatchEnv

@Suite struct DotenvWriterTests {
    @Test(arguments: [
        ("plain", "K=plain"),
        ("", "K="),
        ("with inner blanks", "K=with inner blanks"),
        ("a=b,c;d", "K=a=b,c;d"),
        ("ünïcode ✓", "K=ünïcode ✓"),
        (" leading", "K=' leading'"),
        ("trailing\t", "K='trailing\t'"),
        ("has $dollar", "K='has $dollar'"),
        ("back\\slash", "K='back\\slash'"),
        ("hash#tag", "K='hash#tag'"),
        ("\"double\"", "K='\"double\"'"),
        ("`tick`", "K='`tick`'"),
        ("<<EOF", "K='<<EOF'"),
        ("it's", "K=\"it's\""),
        ("it's $5 \\ \"q\"", "K=\"it's \\$5 \\\\ \\\"q\\\"\""),
        ("line1\nline2", "K=<<'EOF'\nline1\nline2\nEOF"),
        ("a\nEOF\nb", "K=<<'EOF1'\na\nEOF\nb\nEOF1"),
        ("a\nEOF  \nEOF1", "K=<<'EOF2'\na\nEOF  \nEOF1\nEOF2"),
        ("cr\r\nlf", "K=\"cr\\r\\nlf\""),
        ("lone\rcr", "K=\"lone\\rcr\""),
    ])
    func simplestForm(_ value: String, _ expected: String) {
        #expect(DotenvWriter.definition(key: "K", value: value) == expected)
        #expect(pairs(DotenvWriter.definition(key: "K", value: value) + "\n") == [Pair("K", value)])
    }

    @Test func writeEndsEveryDefinitionWithALineBreak() {
        #expect(DotenvWriter.write([("A", "1"), ("B", "x\ny")]) == "A=1\nB=<<'EOF'\nx\ny\nEOF\n")
    }
}

@Suite struct RoundTripPropertyTests {
    /// A small deterministic generator (SplitMix64), so a failure reproduces.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The pieces values are built from: every character the writer treats specially, and then some.
    static let alphabet: [String] = [
        "a", "Z", "0", " ", "\t", "'", "\"", "`", "$", "\\", "#", "\r", "\n", "\r\n", "{", "}", ":", "-", "=",
        "<<", "EOF", "EOF1", "é", "✓", "\u{1F600}", "${X}", "$X", "$$", "\\n", " #", "<<EOF", "\u{0}",
    ]

    static func randomValue(_ generator: inout SplitMix) -> String {
        let length = Int(generator.next() % 12)
        var value = ""
        for _ in 0..<length {
            value += alphabet[Int(generator.next() % UInt64(alphabet.count))]
        }
        return value
    }

    @Test(arguments: 0..<8)
    func parseOfWriteGivesBackEveryValue(seed: UInt64) {
        var generator = SplitMix(state: seed)
        for _ in 0..<500 {
            let count = Int(generator.next() % 6) + 1
            let values = (0..<count).map { (key: "K\($0)", value: Self.randomValue(&generator)) }
            let text = DotenvWriter.write(values)
            let (resolution, parsed) = resolve([(text, ".env")], environment: ["X": "must not expand"])
            let problems = (parsed[0].diagnostics + resolution.diagnostics).filter { $0.severity == .error }
            #expect(problems.isEmpty, "errors for \(text.debugDescription)")
            #expect(resolution.entries.map { Pair($0.key, $0.value) } == values.map { Pair($0.key, $0.value) },
                    "round trip of \(text.debugDescription)")
        }
    }
}
