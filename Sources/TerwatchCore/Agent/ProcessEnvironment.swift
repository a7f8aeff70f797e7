import Glibc

/// This process's environment as an ordered list, read once: what hooks and a wrapped child inherit unless `--pristine`.
public enum ProcessEnvironment {
    /// What hooks and a wrapped child inherit: `entries()`, or nothing with `--pristine`.
    public static func inherited(pristine: Bool) -> [(key: String, value: String)] {
        pristine ? [] : entries()
    }

    /// `KEY=value` entries of `variables`, where a key keeps the place of its first appearance and takes its last value.
    public static func overlay(_ variables: [(key: String, value: String)]) -> [String] {
        var entries: [(key: String, value: String)] = []
        var positions: [String: Int] = [:]
        for (key, value) in variables {
            if let position = positions[key] {
                entries[position].value = value
            } else {
                positions[key] = entries.count
                entries.append((key, value))
            }
        }
        return entries.map { $0.key + "=" + $0.value }
    }

    /// Every `KEY=value` entry of `environ`, in order; an entry without `=` is skipped, a repeated key keeps its first value (as `getenv` does).
    public static func entries() -> [(key: String, value: String)] {
        var entries: [(key: String, value: String)] = []
        var seen: Set<String> = []
        let start: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        guard var cursor = start else { return [] }
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                let key = String(text[..<equals])
                if seen.insert(key).inserted {
                    entries.append((key, String(text[text.index(after: equals)...])))
                }
            }
            cursor += 1
        }
        return entries
    }
}
