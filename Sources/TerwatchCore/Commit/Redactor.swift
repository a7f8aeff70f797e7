/// Replaces every known secret value in a text with `SecretPolicy.placeholder`.
///
/// At each place the longest matching value wins, so a secret that contains
/// another is hidden whole. Every non-empty value counts, however short: a one-character
/// secret blanks that character everywhere, which garbles a message but never
/// leaks a value.
public struct Redactor: Sendable {
    private let secrets: [[UInt8]]

    /// Creates a redactor for `values` (empty ones are ignored).
    public init(secrets values: some Sequence<String>) {
        let unique = Set(values.filter { !$0.isEmpty }.map { Array($0.utf8) })
        secrets = unique.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
    }

    /// Creates a redactor for the secret values of the given snapshots.
    public init(snapshots: Snapshot?...) {
        self.init(secrets: snapshots.compactMap { $0 }.flatMap(\.secretValues))
    }

    /// `text` with every secret value replaced, in one pass (a placeholder is never searched again).
    public func redact(_ text: String) -> String {
        guard !secrets.isEmpty else { return text }
        let bytes = Array(text.utf8)
        let placeholder = Array(SecretPolicy.placeholder.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let rest = bytes[index...]
            if let secret = secrets.first(where: { rest.starts(with: $0) }) {
                result += placeholder
                index += secret.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
