/// Which file names inside a directory source are dotenv files.
public enum EnvFileName {
    /// Whether a directory source includes a file named `name`: `.env`, `.env.*` or `*.env`, unless it is scratch.
    public static func isIncluded(_ name: String) -> Bool {
        let named = name == ".env" || name.hasPrefix(".env.") || name.hasSuffix(".env")
        return named && !isScratch(name)
    }

    /// Whether `name` is an editor's scratch file: `*~`, `.*.swp`, `.#*`, `#*#` or `*.tmp`.
    public static func isScratch(_ name: String) -> Bool {
        name.hasSuffix("~")
            || (name.hasPrefix(".") && name.hasSuffix(".swp"))
            || name.hasPrefix(".#")
            || (name.count >= 2 && name.hasPrefix("#") && name.hasSuffix("#"))
            || name.hasSuffix(".tmp")
    }
}
