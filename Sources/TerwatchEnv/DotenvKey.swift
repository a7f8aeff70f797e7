/// The rule for key names, shared by the parser and code that makes keys from other names (file names).
public enum DotenvKey {
    /// Whether `name` matches `[A-Za-z0-9_][A-Za-z0-9_.-]*`, the keys a dotenv file may define.
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.utf8.first, ASCII.isNameCharacter(first) else { return false }
        return name.utf8.allSatisfy(ASCII.isKeyCharacter)
    }
}
