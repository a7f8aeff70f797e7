import Testing
import TerwatchEnv

@Suite struct ResolutionTests {
    func merged(_ files: [(String, String)], environment: [String: String] = [:], options: Resolver.Options = .init()) -> [Pair] {
        resolve(files.map { (text: $0.1, path: $0.0) }, environment: environment, options: options)
            .resolution.entries.map { Pair($0.key, $0.value) }
    }

    @Test func laterFilesOverrideEarlierOnesAndKeysKeepTheirFirstPosition() {
        #expect(merged([(".env", "A=1\nB=2\n"), (".env.local", "C=3\nA=9\n")]) == [Pair("A", "9"), Pair("B", "2"), Pair("C", "3")])
    }

    @Test func overrideInALaterFileChangesReferencesInAnEarlierOne() {
        let files = [(".env", "DB_HOST=localhost\nDB_URL=postgres://${DB_HOST}/app\n"), (".env.local", "DB_HOST=db.internal\n")]
        #expect(merged(files) == [Pair("DB_HOST", "db.internal"), Pair("DB_URL", "postgres://db.internal/app")])
    }

    @Test func referencesFallBackToTheInheritedEnvironment() {
        #expect(merged([(".env", "A=$HOME/x\n")], environment: ["HOME": "/root"]) == [Pair("A", "/root/x")])
    }

    @Test func filesWinOverTheEnvironmentUnlessInheritedWins() {
        let files = [(".env", "HOME=/file\nA=$HOME\n")]
        #expect(merged(files, environment: ["HOME": "/env"]) == [Pair("HOME", "/file"), Pair("A", "/file")])
        #expect(merged(files, environment: ["HOME": "/env"], options: .init(inheritedWins: true)) ==
            [Pair("HOME", "/env"), Pair("A", "/env")])
    }

    @Test func selfReferenceMeansTheLayerBelow() {
        #expect(merged([(".env", "PATH=$PATH:/opt/bin\n")], environment: ["PATH": "/usr/bin"]) == [Pair("PATH", "/usr/bin:/opt/bin")])
        #expect(merged([(".env", "P=a\nP=$P:b\n"), (".env.local", "P=${P}:c\n")]) == [Pair("P", "a:b:c")])
        #expect(merged([(".env", "P=$P:x\n")]) == [Pair("P", ":x")])
    }

    @Test func forwardReferencesResolveWithAWarning() {
        #expect(merged([(".env", "URL=http://$HOST\nHOST=h\n")]) == [Pair("URL", "http://h"), Pair("HOST", "h")])
        #expect(diagnostics("URL=http://$HOST\nHOST=h\n") ==
            ["1:12: warning: 'HOST' is defined later (line 2); dotenv readers that expand line by line make it empty here"])
    }

    @Test func cycleIsAnErrorNamingItsKeysAndLines() {
        #expect(errors("A=$B\nB=${C}\nC=x$A\n") == ["1:1: reference cycle: 'A' (line 1) → 'B' (line 2) → 'C' (line 3) → 'A'"])
        #expect(errors("A=$A$B\nB=$A\n") == ["1:1: reference cycle: 'A' (line 1) → 'B' (line 2) → 'A'"])
    }

    @Test func cycleAcrossFilesNamesTheOtherFile() {
        let (resolution, _) = resolve([("A=$B\n", "a.env"), ("B=$A\n", "b.env")])
        #expect(resolution.diagnostics.map(\.description) == [
            "a.env:1:3: warning: 'B' is defined later (b.env:1); dotenv readers that expand line by line make it empty here",
            "a.env:1:1: error: reference cycle: 'A' (line 1) → 'B' (b.env:1) → 'A'",
        ])
    }

    @Test func chainOfReferencesDeeperThanTheLimitIsAnError() {
        func chain(_ length: Int) -> String {
            (0..<length).map { "K\($0)=$K\($0 + 1)\n" }.joined() + "K\(length)=end\n"
        }
        #expect(pairs(chain(32)).first == Pair("K0", "end"))
        #expect(errors(chain(33)) == ["1:1: chain of references through 'K0' is deeper than 32 levels"])
        #expect(errors(chain(5000)).count == 1)
    }

    @Test func assignDefaultGivesTheNameItsValueEverywhere() {
        #expect(pairs("A=${X:=fallback}\nB=$X\n") == [Pair("A", "fallback"), Pair("B", "fallback"), Pair("X", "fallback")])
        #expect(pairs("X=\nA=${X:=d}\nB=$X\n") == [Pair("X", "d"), Pair("A", "d"), Pair("B", "d")])
        #expect(pairs("X=\nA=${X=d}\n") == [Pair("X", ""), Pair("A", "")])
        #expect(pairs("A=${X:=d}\n", environment: ["X": "env"]) == [Pair("A", "env")])
    }

    @Test func expandedValuesAreBoundedBySize() {
        var text = "A0=xxxxxxxxxxxxxxxx\n"
        for level in 1...40 { text += "A\(level)=$A\(level - 1)$A\(level - 1)\n" }
        let limits = ParseLimits(maxNestingDepth: 64)
        let (resolution, _) = resolve([(text, ".env")], options: .init(limits: limits), limits: limits)
        #expect(resolution.diagnostics.map(\.description) == [".env:18:1: error: expanded value of 'A17' is over the limit of 1048576 bytes"])
    }

    @Test func originsNameTheWinningDefinition() {
        let (resolution, _) = resolve([("A=1\nB=2\n", "a.env"), ("\nA=3\n", "b.env")])
        #expect(resolution.entries.map { "\($0.key) \($0.path):\($0.position)" } == ["A b.env:2:1", "B a.env:2:1"])
    }
}
