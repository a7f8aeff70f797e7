import ArgumentParser
import TerwatchCore
import TerwatchEnv

/// `-f`: the files and directories to load (check, print).
struct EnvFileOptions: ParsableArguments {
    @Option(
        name: [.customShort("f"), .customLong("env-file")],
        help: ArgumentHelp(
            "A file, or a directory of .env files; repeatable, later ones override (default: ./.env).",
            valueName: "path"
        )
    )
    var envFiles: [String] = []
}

/// How sources are read and resolved (check, print, diff).
struct SourceOptions: ParsableArguments {
    @Flag(help: "A missing source is empty instead of an error.")
    var allowMissing = false

    @Flag(help: "Take values literally: no expansion.")
    var noExpand = false

    @Flag(help: "Inherited variables win over file values.")
    var noOverride = false

    @Flag(help: "Ignore the inherited environment.")
    var pristine = false

    @Option(help: ArgumentHelp("Largest file accepted (default 16M).", valueName: "bytes"))
    var maxFileSize: ByteCount?

    @Option(help: ArgumentHelp("Largest value accepted (default 1M).", valueName: "bytes"))
    var maxValueSize: ByteCount?

    @Option(help: ArgumentHelp("Most keys one file may define (default 100000).", valueName: "n"))
    var maxKeys: Int?

    @Option(help: ArgumentHelp(
        "Every file in DIR is one secret key (its name) whose value is its content; repeatable, layered after the env files.",
        valueName: "dir"
    ))
    var secretsDir: [String] = []

    @Flag(help: "A key NAME_FILE=PATH also defines NAME, a secret, as the content of PATH.")
    var resolveFileRefs = false

    func validate() throws {
        if let maxKeys, maxKeys < 0 {
            throw ValidationError("--max-keys must not be negative, not '\(maxKeys)'.")
        }
    }

    /// The load options for `paths` (an empty list means ./.env).
    func loadOptions(paths: [String]) -> LoadOptions {
        var limits = ParseLimits.default
        if let maxFileSize { limits.maxFileBytes = maxFileSize.bytes }
        if let maxValueSize { limits.maxValueBytes = maxValueSize.bytes }
        if let maxKeys { limits.maxKeys = maxKeys }
        return LoadOptions(
            sources: SourceList(paths: paths, allowMissing: allowMissing),
            expand: !noExpand,
            inheritedWins: noOverride,
            pristine: pristine,
            limits: limits,
            secretsDirectories: secretsDir,
            resolvesFileReferences: resolveFileRefs
        )
    }
}

extension ByteCount: ExpressibleByArgument {
    /// Parses a size argument such as `20M`.
    public init?(argument: String) {
        self.init(parsing: argument)
    }
}
