// The libFuzzer entry point for the dotenv dialect: parse, resolve, write, parse again.
//
// Built by scripts/fuzz.sh together with Sources/TerwatchEnv/*.swift as one
// module, so it calls the public API without an import. The input is split at
// each 0xFF byte (never valid UTF-8) into at most four files that are merged in
// order, so layering and self-reference are reached as well; the files are read
// with expansion on and again with it off (`--no-expand`). Every run checks
// what must hold for any input and traps with a message when it does not:
// positions are 1-based, and the resolved values, written by `DotenvWriter`,
// parse back to the same keys and values whenever the input had no errors.

/// Runs one input through parser, resolver and writer, trapping when an invariant breaks.
enum DotenvFuzzTarget {
    /// Bounds small enough that one input cannot take long.
    static let limits = ParseLimits(maxFileBytes: 64 << 10, maxValueBytes: 16 << 10, maxKeys: 512, maxNestingDepth: 32)
    /// Bounds for reading written text back: its quoting and escapes may outgrow `limits`.
    static let readBackLimits = ParseLimits(maxFileBytes: 1 << 40, maxValueBytes: 1 << 40, maxKeys: 1 << 40)
    /// The inherited environment the inputs resolve against; seeds refer to these names.
    static let environment: [String: String] = ["HOME": "/home/fuzz", "PATH": "/usr/bin:/bin", "EMPTY": "", "SPACED": " a b "]
    /// The byte that separates the files of one input.
    static let fileSeparator: UInt8 = 0xFF
    /// The most files one input is split into.
    static let maxFiles = 4

    /// Checks every invariant for one input, with expansion on and off.
    static func run(_ bytes: [UInt8]) {
        let pieces = bytes.split(separator: fileSeparator, maxSplits: maxFiles - 1, omittingEmptySubsequences: false)
        for expands in [true, false] {
            let parser = DotenvParser(limits: limits, expands: expands)
            let files = pieces.enumerated().map { parser.parse(Array($0.element), path: "fuzz\($0.offset + 1).env") }
            for file in files {
                checkPositions(of: file.diagnostics)
                for entry in file.entries {
                    checkPosition(entry.position, of: "entry '\(entry.key)' of \(file.path)")
                }
            }
            let resolution = Resolver(options: Resolver.Options(limits: limits)).resolve(files) { environment[$0] }
            checkPositions(of: resolution.diagnostics)
            for entry in resolution.entries {
                checkPosition(entry.position, of: "resolved entry '\(entry.key)'")
            }
            if !files.contains(where: { $0.diagnostics.containsErrors }) {
                checkReadBack(resolution.entries.map { (key: $0.key, value: $0.value) })
            }
        }
    }

    /// Traps unless every diagnostic's line and column are 1-based.
    static func checkPositions(of diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            checkPosition(diagnostic.position, of: "diagnostic \(quoted(diagnostic.description))")
        }
    }

    /// Traps unless `position` has a line and column of at least 1.
    static func checkPosition(_ position: SourcePosition, of what: @autoclosure () -> String) {
        if position.line < 1 || position.column < 1 {
            fatalError("invariant broken: \(what()) has position \(position), not 1-based")
        }
    }

    /// Traps unless `pairs`, written as dotenv and parsed with expansion on, give back exactly `pairs`.
    static func checkReadBack(_ pairs: [(key: String, value: String)]) {
        let text = DotenvWriter.write(pairs)
        let file = DotenvParser(limits: readBackLimits).parse(Array(text.utf8), path: "written.env")
        let back = Resolver(options: Resolver.Options(limits: readBackLimits)).resolve([file]) { _ in nil }
        let errors = (file.diagnostics + back.diagnostics).filter { $0.severity == .error }
        if let error = errors.first {
            fatalError("invariant broken: written text \(quoted(text)) does not parse back: \(error)")
        }
        let expected = pairs.map { "\($0.key)=\(quoted($0.value))" }
        let actual = back.entries.map { "\($0.key)=\(quoted($0.value))" }
        if expected != actual {
            fatalError("invariant broken: written text \(quoted(text)) parses back as \(actual), not \(expected)")
        }
    }

    /// `text` as an escaped Swift string literal, cut short when long.
    static func quoted(_ text: String) -> String {
        let limit = 400
        let literal = text.debugDescription
        return literal.count <= limit ? literal : "\(literal.prefix(limit))… (\(text.utf8.count) bytes)"
    }
}

/// The function libFuzzer calls with each input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDotenv(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    DotenvFuzzTarget.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
