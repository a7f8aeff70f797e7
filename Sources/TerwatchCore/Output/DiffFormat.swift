import TerwatchEnv

/// The output formats of `terwatch diff`.
///
/// `text`: one line per key, `+ KEY="new"`, `- KEY="old"`, `~ KEY="old" -> "new"`
/// (`~ KEY (secret changed)` for a hidden secret), `= KEY`, then the counts;
/// values are JSON string literals, so blanks and line breaks show, and a
/// hidden value is a bare `<redacted>`.
/// `json`: `{"counts":{…},"added":{KEY:value},"removed":{KEY:value},
/// "changed":{KEY:{"old":value,"new":value}},"unchanged":[KEY…]}` on one line.
public enum DiffFormat: String, CaseIterable, Hashable, Sendable {
    /// One line per key, then the counts.
    case text
    /// One object on one line.
    case json

    /// `diff` in this format; values of keys `isSecret` holds true for are hidden unless `showingSecrets`.
    public func render(_ diff: EnvironmentDiff, isSecret: @escaping (String) -> Bool, showingSecrets: Bool) -> String {
        let hidden = { (key: String) in !showingSecrets && isSecret(key) }
        switch self {
        case .text:
            let literal = { (entry: ResolvedEntry) in
                hidden(entry.key) ? SecretPolicy.placeholder : JSONWriter.quote(entry.value)
            }
            var lines = diff.added.map { "+ \($0.key)=\(literal($0))" }
            lines += diff.removed.map { "- \($0.key)=\(literal($0))" }
            lines += diff.changed.map { change in
                hidden(change.key)
                    ? "~ \(change.key) (secret changed)"
                    : "~ \(change.key)=\(literal(change.old)) -> \(literal(change.new))"
            }
            lines += diff.unchanged.map { "= \($0.key)" }
            lines.append(
                "\(diff.added.count) added, \(diff.removed.count) removed, "
                    + "\(diff.changed.count) changed, \(diff.unchanged.count) unchanged"
            )
            return lines.map { $0 + "\n" }.joined()
        case .json:
            let value = { (entry: ResolvedEntry) in
                JSONValue.string(hidden(entry.key) ? SecretPolicy.placeholder : entry.value)
            }
            let counts: JSONValue = .object([
                ("added", .integer(diff.added.count)),
                ("removed", .integer(diff.removed.count)),
                ("changed", .integer(diff.changed.count)),
                ("unchanged", .integer(diff.unchanged.count)),
            ])
            let report: JSONValue = .object([
                ("counts", counts),
                ("added", .object(diff.added.map { ($0.key, value($0)) })),
                ("removed", .object(diff.removed.map { ($0.key, value($0)) })),
                ("changed", .object(diff.changed.map { change in
                    (change.key, .object([("old", value(change.old)), ("new", value(change.new))]))
                })),
                ("unchanged", .array(diff.unchanged.map { .string($0.key) })),
            ])
            return JSONWriter.write(report) + "\n"
        }
    }
}
