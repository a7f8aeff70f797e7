import Foundation

/// Reading and setting permission bits in tests.
enum FileModes {
    /// Sets the permission bits of `path`.
    static func set(_ path: String, _ mode: Int) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    /// The permission bits of `path` (not following a final symbolic link).
    static func of(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
