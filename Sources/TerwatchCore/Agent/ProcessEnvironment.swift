import Glibc

/// This process's environment as an ordered list, read once: what hooks inherit unless `--pristine`.
public enum ProcessEnvironment {
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
