/// A file whose whole content is the value of one secret key: an entry of a `--secrets-dir`, or the target of a `NAME_FILE` reference.
public struct SecretSource: Hashable, Sendable {
    /// How the file came to be read.
    public enum Origin: Hashable, Sendable {
        /// An entry of this secrets directory, as the options name it.
        case directory(String)
        /// The file this `NAME_FILE` key names (`--resolve-file-refs`).
        case reference(String)
    }

    /// The file read: the directory joined with the entry's name, or the reference's value.
    public let path: String
    /// The key it defines.
    public let key: String
    /// How it came to be read.
    public let origin: Origin

    /// Creates a secret source.
    public init(path: String, key: String, origin: Origin) {
        self.path = path
        self.key = key
        self.origin = origin
    }
}
