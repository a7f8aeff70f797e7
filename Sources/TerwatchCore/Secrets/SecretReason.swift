/// Why a key is secret.
public enum SecretReason: Hashable, Sendable, CustomStringConvertible {
    /// Named with `--secret`.
    case marked
    /// Its name matches the default secret pattern.
    case defaultPattern
    /// Its name matches this `--secret-pattern`.
    case pattern(String)
    /// It comes from this secrets directory.
    case secretsDirectory(String)
    /// It is the content of the file this `NAME_FILE` key names.
    case fileReference(String)
    /// Its value has this shape.
    case shape(SecretShape)
    /// Its value holds the value of another secret (`AUTH="Bearer ${API_TOKEN}"`).
    case holdsSecretValue

    /// What `check -v` says: `marked by --secret`, `from secrets directory 'secrets'`, `from the file named by 'DB_PASSWORD_FILE'`, `password in URL`…
    public var description: String {
        switch self {
        case .marked: "marked by --secret"
        case .defaultPattern: "name matches the default secret pattern"
        case .pattern(let pattern): "name matches --secret-pattern '\(pattern)'"
        case .secretsDirectory(let directory): "from secrets directory '\(directory)'"
        case .fileReference(let key): "from the file named by '\(key)'"
        case .shape(let shape): shape.description
        case .holdsSecretValue: "holds the value of another secret"
        }
    }
}
