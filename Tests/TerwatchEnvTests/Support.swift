import TerwatchEnv

/// Parses and resolves `files` (text, path) against `environment`; returns the resolution.
func resolve(
    _ files: [(text: String, path: String)],
    environment: [String: String] = [:],
    options: Resolver.Options = .init(),
    expands: Bool = true,
    limits: ParseLimits = .default
) -> (resolution: Resolution, parsed: [ParsedFile]) {
    let parser = DotenvParser(limits: limits, expands: expands)
    let parsed = files.map { parser.parse($0.text, path: $0.path) }
    let resolution = Resolver(options: options).resolve(parsed) { environment[$0] }
    return (resolution, parsed)
}

/// The resolved `KEY=value` pairs of one file, in order.
func pairs(_ text: String, environment: [String: String] = [:], expands: Bool = true) -> [Pair] {
    resolve([(text, ".env")], environment: environment, expands: expands).resolution.entries.map { Pair($0.key, $0.value) }
}

/// Every diagnostic of one file (parse, then resolve), as `LINE:COLUMN: severity: message`.
func diagnostics(_ text: String, environment: [String: String] = [:], limits: ParseLimits = .default) -> [String] {
    let (resolution, parsed) = resolve([(text, ".env")], environment: environment, limits: limits)
    return (parsed[0].diagnostics + resolution.diagnostics).map {
        "\($0.position.line):\($0.position.column): \($0.severity.rawValue): \($0.message)"
    }
}

/// Only the errors of one file, as `LINE:COLUMN: message`.
func errors(_ text: String, environment: [String: String] = [:], limits: ParseLimits = .default) -> [String] {
    diagnostics(text, environment: environment, limits: limits)
        .filter { $0.contains(": error: ") }
        .map { $0.replacing(": error: ", with: ": ") }
}

/// A key and its value, comparable in expectations.
struct Pair: Equatable, CustomStringConvertible {
    let key: String
    let value: String
    init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
    var description: String { "\(key)=\(value.debugDescription)" }
}
