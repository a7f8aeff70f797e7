import TerwatchEnv

/// Warns about files that hold secret values and that group or others may read.
///
/// A file holds a secret when a non-empty secret value's winning definition
/// stands in it, or when it is a secret source (a secrets-directory entry or a
/// `NAME_FILE` target) with a non-empty value, even one a later source
/// overrides. Permissions are those of the file a symbolic link leads to.
public enum SecretFileHygiene {
    /// The permission bits that let group or others read a file.
    public static let readableByOthers: UInt32 = 0o044

    /// One warning per file of `loaded` holding a secret of `classification` and readable by group or others (`mode & 0o044`), at its first secret.
    ///
    /// `.env:3:1: warning: file holding secret 'DB_PASSWORD' is readable by group or others (mode 0644)`.
    /// A file that cannot be inspected any more is left out.
    public static func warnings(_ loaded: LoadedEnvironment, _ classification: SecretClassification) -> [Diagnostic] {
        var holders: [(path: String, key: String, position: SourcePosition)] = []
        let secretEntries = loaded.resolution.entries.filter { classification.isSecret($0.key) && !$0.value.isEmpty }
        for entry in secretEntries where !holders.contains(where: { $0.path == entry.path }) {
            holders.append((entry.path, entry.key, entry.position))
        }
        let secretFiles = Dictionary(loaded.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for source in loaded.secretSources where !holders.contains(where: { $0.path == source.path }) {
            guard let entry = secretFiles[source.path]?.entries.first, entry.value != .literal("") else { continue }
            holders.append((source.path, source.key, entry.position))
        }
        return holders.compactMap { holder in
            guard let mode = try? FileSystem.permissions(of: holder.path), mode & readableByOthers != 0 else { return nil }
            let message = "file holding secret '\(holder.key)' is readable by group or others (mode \(octal(mode)))"
            return Diagnostic(.warning, path: holder.path, position: holder.position, message: message)
        }
    }

    /// `mode` as four octal digits: `0644`.
    private static func octal(_ mode: UInt32) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
