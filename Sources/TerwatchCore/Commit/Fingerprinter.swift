import Glibc

/// Shows a secret value as a keyed fingerprint, `hmac-sha256:<hex>`, under a key that lives only as long as the agent.
///
/// Within one run the same value always has the same fingerprint, so a
/// subscriber can tell a rotation from a no-op; across runs fingerprints are
/// unrelated, and without the key they reveal nothing about the value.
public struct Fingerprinter: Sendable {
    /// The size of a random key in bytes.
    public static let keySize = 32
    /// What every fingerprint starts with.
    public static let prefix = "hmac-sha256:"

    private let key: [UInt8]

    /// Creates a fingerprinter with a fixed key (tests; a run uses `random()`).
    public init(key: [UInt8]) {
        self.key = key
    }

    /// Creates a fingerprinter with 32 random bytes from `/dev/urandom`.
    ///
    /// (`getrandom(2)` is not in the Glibc module Swift imports; the device
    /// gives the same bytes and never blocks once the system has booted.)
    public static func random() throws(SystemCallError) -> Fingerprinter {
        let path = "/dev/urandom"
        let key = try FileSystem.contents(of: path, limit: keySize)
        guard key.count == keySize else { throw SystemCallError(.read, path: path, code: EIO) }
        return Fingerprinter(key: key)
    }

    /// The fingerprint of `value`: `hmac-sha256:` and 64 hexadecimal digits.
    public func fingerprint(_ value: String) -> String {
        Self.prefix + HMACSHA256.code(for: value.utf8, key: key).hex
    }
}
