/// The command line: measuring options, then the corpus files.
struct BenchmarkOptions {
    /// When to stop warming up and timing.
    var rule = MeasuringRule()
    /// The files to parse, in order.
    var paths: [String] = []

    /// The usage line printed on a bad command line.
    static let usage = """
        usage: terwatch-bench-parse [--clock monotonic|cpu] [--warmup-seconds S] [--slice-seconds S]
                                    [--min-seconds S] [--min-iterations N] [--max-seconds S] [--max-iterations N] FILE...
        """

    /// Parses `arguments` (without the program name).
    init(_ arguments: [String]) throws(BenchmarkError) {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            guard argument.hasPrefix("--") else {
                paths.append(argument)
                continue
            }
            guard let text = remaining.popFirst() else { throw BenchmarkError("option '\(argument)' needs a value") }
            switch argument {
            case "--clock":
                guard let clock = BenchmarkClock(rawValue: text) else {
                    throw BenchmarkError("option '--clock' takes 'monotonic' or 'cpu', not '\(text)'")
                }
                rule.clock = clock
            case "--warmup-seconds": rule.warmupSeconds = try Self.number(text, for: argument)
            case "--slice-seconds": rule.sliceSeconds = try Self.number(text, for: argument)
            case "--min-seconds": rule.minSeconds = try Self.number(text, for: argument)
            case "--max-seconds": rule.maxSeconds = try Self.number(text, for: argument)
            case "--min-iterations": rule.minIterations = Int(try Self.number(text, for: argument))
            case "--max-iterations": rule.maxIterations = Int(try Self.number(text, for: argument))
            default: throw BenchmarkError("unknown option '\(argument)'")
            }
        }
        if paths.isEmpty { throw BenchmarkError("no corpus file given") }
    }

    /// `text` as a non-negative number, or an error naming `option`.
    private static func number(_ text: String, for option: String) throws(BenchmarkError) -> Double {
        guard let value = Double(text), value >= 0 else {
            throw BenchmarkError("option '\(option)' needs a non-negative number, not '\(text)'")
        }
        return value
    }
}
