import Foundation

/// A fresh directory under the system's temporary directory, removed when released.
final class TemporaryDirectory: Sendable {
    /// The directory's path, with symbolic links resolved (watch sets compare resolved paths).
    let path: String

    init() throws {
        var template = Array("/tmp/terwatch-test-XXXXXX".utf8CString)
        guard mkdtemp(&template) != nil else { throw POSIXError(.init(rawValue: errno)!) }
        let created = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        path = URL(fileURLWithPath: created).resolvingSymlinksInPath().path
    }

    /// The path of `name` inside the directory.
    func callAsFunction(_ name: String) -> String { path + "/" + name }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to `relative` (creating parent directories) and returns its full path.
    @discardableResult
    func write(_ relative: String, _ text: String = "") throws -> String {
        let file = (path as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Creates a symbolic link at `relative` pointing to `destination`.
    func link(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(
            atPath: (path as NSString).appendingPathComponent(relative), withDestinationPath: destination)
    }
}
