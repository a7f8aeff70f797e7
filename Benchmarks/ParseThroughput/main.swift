// terwatch-bench-parse: parse+expand throughput of TerwatchEnv, in release mode.
//
// Reads every corpus file (Glibc) and checks it parses and resolves without
// errors, then times `DotenvParser().parse` + `Resolver().resolve` of the files
// in turns, under the measuring rule shared with the godotenv and python-dotenv
// programs in scripts/bench/. Prints one line per file:
//   file=PATH bytes=N keys=N iterations=N median_s=X mb_per_s=Y warnings=N
// MB/s is the file's bytes (10^6 a MB) over the median seconds of one run;
// warnings counts the file's warnings (a clean corpus has none; they cost time).
// scripts/bench-parse.sh builds and runs it next to the two peers.
import Glibc
import TerwatchEnv

/// Writes `text` to standard error and exits with status 1.
func fail(_ text: String) -> Never {
    var line = "terwatch-bench-parse: " + text + "\n"
    line.withUTF8 { buffer in _ = write(STDERR_FILENO, buffer.baseAddress, buffer.count) }
    exit(1)
}

/// Parses and resolves `bytes` once; returns the resolution and the file's own diagnostics.
func parseAndResolve(_ bytes: [UInt8], path: String) -> (Resolution, [Diagnostic]) {
    let parsed = DotenvParser().parse(bytes, path: path)
    return (Resolver().resolve([parsed], environment: { _ in nil }), parsed.diagnostics)
}

let options: BenchmarkOptions
do {
    options = try BenchmarkOptions(Array(CommandLine.arguments.dropFirst()))
} catch {
    fail("\(error)\n\(BenchmarkOptions.usage)")
}
var corpora: [Corpus] = []
for path in options.paths {
    let bytes: [UInt8]
    do { bytes = try SourceFile.read(path) } catch { fail("\(error)") }
    let (resolution, diagnostics) = parseAndResolve(bytes, path: path)
    let allDiagnostics = diagnostics + resolution.diagnostics
    let errors = allDiagnostics.filter { $0.severity == .error }
    if !errors.isEmpty {
        let shown = errors.prefix(5).map { "\n  \($0)" }.joined()
        fail("'\(path)' has \(errors.count) error(s); the corpus must parse cleanly:\(shown)")
    }
    corpora.append(Corpus(path: path, bytes: bytes, warnings: allDiagnostics.count))
}
let measurements = options.rule.measure(
    corpora.map { corpus in { parseAndResolve(corpus.bytes, path: corpus.path).0 } },
    keys: { $0.entries.count }
)
for (corpus, measurement) in zip(corpora, measurements) {
    print(
        "file=\(corpus.path) bytes=\(corpus.bytes.count) keys=\(measurement.keys)"
            + " iterations=\(measurement.samples.count) median_s=\(measurement.medianSeconds.fixed(9))"
            + " mb_per_s=\(measurement.megabytesPerSecond(bytes: corpus.bytes.count).fixed(3))"
            + " warnings=\(corpus.warnings)"
    )
}
