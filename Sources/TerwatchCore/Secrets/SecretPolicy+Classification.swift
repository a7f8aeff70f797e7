/// Classifying the keys of a load: by name (the policy), by origin, by value shape.
extension SecretPolicy {
    /// Why the name `key` alone makes it secret: `--secret`, the default pattern, then each `--secret-pattern` it matches.
    public func nameReasons(_ key: String) -> [SecretReason] {
        var reasons: [SecretReason] = keys.contains(key) ? [.marked] : []
        for index in matchingPatterns(key) {
            reasons.append(index == 0 ? .defaultPattern : .pattern(extraPatterns[index - 1]))
        }
        return reasons
    }

    /// Every secret key `loaded` defines, with its reasons: its name, the secret source its winning definition comes from, the shapes of its value.
    public func classify(_ loaded: LoadedEnvironment) -> SecretClassification {
        let origins = Dictionary(
            loaded.secretSources.map { source -> (String, SecretReason) in
                switch source.origin {
                case .directory(let directory): (source.path, .secretsDirectory(directory))
                case .reference(let key): (source.path, .fileReference(key))
                }
            },
            uniquingKeysWith: { first, _ in first }
        )
        let direct = loaded.resolution.entries.map { entry in
            nameReasons(entry.key)
                + (origins[entry.path].map { [$0] } ?? [])
                + SecretShape.shapes(in: entry.value).map(SecretReason.shape)
        }
        // A value built from a secret (`AUTH="Bearer ${API_TOKEN}"`) would show it: it is secret too.
        let values = zip(loaded.resolution.entries, direct).compactMap { $1.isEmpty ? nil : $0.value }
        let finder = Redactor(secrets: values)
        return SecretClassification(secrets: zip(loaded.resolution.entries, direct).compactMap { entry, reasons in
            let all = reasons.isEmpty && !values.isEmpty && finder.redact(entry.value) != entry.value
                ? [SecretReason.holdsSecretValue] : reasons
            return all.isEmpty ? nil : SecretClassification.Secret(key: entry.key, reasons: all)
        })
    }
}
