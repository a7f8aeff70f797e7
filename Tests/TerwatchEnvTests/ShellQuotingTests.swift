import Testing
import TerwatchEnv

@Suite struct ShellQuotingTests {
    @Test(arguments: [
        ("plain", "'plain'"),
        ("", "''"),
        ("it's", "'it'\\''s'"),
        ("''", "''\\'''\\'''"),
        ("a\nb\r\n", "'a\nb\r\n'"),
        ("$HOME `id` $(id) \\n \"q\"", "'$HOME `id` $(id) \\n \"q\"'"),
        ("héllo ✓", "'héllo ✓'"),
    ])
    func quotesEveryValueInSingleQuotes(value: String, expected: String) {
        #expect(ShellQuoting.quote(value) == expected)
    }

    @Test func writesAnExportLine() {
        #expect(ShellQuoting.export(key: "DB_URL", value: "it's") == "export DB_URL='it'\\''s'")
    }

    @Test(arguments: ["A", "_x", "A_1", "abc_DEF_9"])
    func acceptsPortableNames(key: String) {
        #expect(ShellQuoting.isPortableName(key))
        #expect(ShellQuoting.export(key: key, value: "v") == "export \(key)='v'")
    }

    @Test(arguments: ["", "1A", "A.B", "A-B", "A B", "É", "A;id"])
    func refusesOtherNames(key: String) {
        #expect(!ShellQuoting.isPortableName(key))
        #expect(ShellQuoting.export(key: key, value: "v") == nil)
    }
}
