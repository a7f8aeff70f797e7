/// The value a secret file holds: its content less one trailing newline, if it can be an environment value.
enum SecretFileContent {
    /// The value of `bytes`, or the reason (a lowercase phrase naming `key`) it cannot be one.
    ///
    /// Exactly one trailing `\n` is removed (a `\r` before it stays). Bytes
    /// that are not UTF-8, or a NUL byte, cannot be an environment value.
    static func value(of bytes: [UInt8], key: String) -> Result<String, Unusable> {
        let body = bytes.last == UInt8(ascii: "\n") ? bytes.dropLast() : bytes[...]
        guard let value = String(validating: body, as: UTF8.self) else {
            return .failure(Unusable(message: "value of '\(key)' is not UTF-8 text"))
        }
        guard !body.contains(0) else {
            return .failure(Unusable(message: "value of '\(key)' holds a NUL byte, which no environment variable can"))
        }
        return .success(value)
    }

    /// Why a file's content cannot be a value.
    struct Unusable: Error {
        /// A lowercase phrase naming the key.
        var message: String
    }
}
