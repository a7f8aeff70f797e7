import Glibc
import TerwatchEnv

/// Reading the secret sources: `--secrets-dir` entries and `NAME_FILE` targets.
///
/// Both are layered after the env files (a mounted secret wins over a file's
/// value), directories in the order given, then references. A secret file's
/// value is its content less one trailing newline, taken literally (never
/// expanded); env files may still refer to it (`URL=…:${DB_PASSWORD}@db`).
extension Loader {
    /// Reads every `--secrets-dir` into a new layer; a missing directory fails unless missing sources are allowed.
    func readSecretsDirectories(readLimit: Int) throws(SystemCallError) -> SecretLayer {
        var layer = SecretLayer()
        for directory in options.secretsDirectories {
            try read(directory: directory, into: &layer, readLimit: readLimit)
        }
        return layer
    }

    /// Adds to `layer` the target of every `NAME_FILE` key of `resolution`; returns whether any target defines a key.
    ///
    /// The key `NAME` becomes the content of the file the value names (a path
    /// relative to the working directory, or absolute), overriding any other
    /// definition of `NAME` with a warning. An empty value names nothing. A
    /// target that cannot be read is an error at the `NAME_FILE` definition,
    /// unless it is missing and missing sources are allowed.
    func readFileReferences(
        of resolution: Resolution, into layer: inout SecretLayer, readLimit: Int
    ) -> Bool {
        var defined = false
        for reference in resolution.entries where reference.key.hasSuffix(Self.referenceSuffix) {
            let key = String(reference.key.dropLast(Self.referenceSuffix.count))
            let target = reference.value
            guard !key.isEmpty, !target.isEmpty else { continue }
            layer.referencedPaths.append(target)
            let note = { (layer: inout SecretLayer, severity: Diagnostic.Severity, message: String) in
                layer.note(severity, message, path: reference.path, at: reference.position)
            }
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.contents(of: target, limit: readLimit)
            } catch {
                if !(error.isMissing && options.sources.allowMissing) {
                    note(&layer, .error, "'\(reference.key)': \(error.description)")
                }
                continue
            }
            guard let content = value(of: bytes, key: key, path: target, into: &layer) else { continue }
            switch content {
            case .failure(let unusable):
                note(&layer, .error, "'\(reference.key)': \(unusable.message)")
            case .success(let value):
                if let other = resolution.entries.first(where: { $0.key == key }) {
                    note(&layer, .warning, "'\(reference.key)' overrides '\(key)' defined at \(other.path):\(other.position.line)")
                }
                layer.define(key, as: value, path: target, origin: .reference(reference.key))
                defined = true
            }
        }
        return defined
    }

    /// The suffix that makes a key a file reference.
    static var referenceSuffix: String { "_FILE" }

    /// Reads the entries of one secrets directory, in byte order of their names.
    ///
    /// Hidden names (`..data`, `.x`) and subdirectories are skipped silently;
    /// symbolic links are followed. A name that is not a key, a broken link,
    /// anything but a regular file, and a file whose content cannot be a value
    /// (not UTF-8, a NUL byte) are skipped with a warning naming them. An entry
    /// that vanishes while the directory is read is simply not there.
    private func read(directory: String, into layer: inout SecretLayer, readLimit: Int) throws(SystemCallError) {
        if try FileSystem.kind(of: directory) == nil {
            if options.sources.allowMissing { return }
            throw SystemCallError(.open, path: directory, code: ENOENT)
        }
        let names = try FileSystem.names(in: directory).filter { !$0.hasPrefix(".") }
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let kind = try FileSystem.kind(of: path)
            if kind == .directory { continue }
            guard DotenvKey.isValid(name) else {
                layer.note(.warning, "file name '\(name)' is not a valid key; skipped", path: path)
                continue
            }
            switch kind {
            case .regular:
                break
            case nil:
                if try FileSystem.kind(of: path, followingLinks: false) == .symbolicLink {
                    layer.note(.warning, "'\(name)' is a broken symbolic link; skipped", path: path)
                }
                continue
            default:
                layer.note(.warning, "'\(name)' is not a regular file; skipped", path: path)
                continue
            }
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.contents(of: path, limit: readLimit)
            } catch where error.isMissing {
                continue
            }
            guard let content = value(of: bytes, key: name, path: path, into: &layer) else { continue }
            switch content {
            case .failure(let unusable):
                layer.note(.warning, unusable.message + "; skipped", path: path)
            case .success(let value):
                layer.define(name, as: value, path: path, origin: .directory(directory))
            }
        }
    }

    /// The value of `key` in `bytes`, read from `path` into `layer`; nil after adding the error that the file or the value is over its limit.
    private func value(
        of bytes: [UInt8], key: String, path: String, into layer: inout SecretLayer
    ) -> Result<String, SecretFileContent.Unusable>? {
        layer.read(bytes, from: path)
        guard bytes.count <= options.limits.maxFileBytes else {
            layer.add(oversized(path))
            return nil
        }
        let content = SecretFileContent.value(of: bytes, key: key)
        if case .success(let value) = content, value.utf8.count > options.limits.maxValueBytes {
            let message = "value of '\(key)' is \(value.utf8.count) bytes, over the limit of \(options.limits.maxValueBytes) bytes"
            layer.add(ParsedFile(path: path, entries: [], diagnostics: [
                Diagnostic(.error, path: path, position: SecretLayer.start, message: message),
            ]))
            return nil
        }
        return content
    }
}
