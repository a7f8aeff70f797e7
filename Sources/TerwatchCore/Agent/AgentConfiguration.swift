/// Everything `terwatch watch` is asked to do: what to load, how to validate it, whom to notify.
///
/// Not `Sendable`, because `SecretPolicy` is not; hand it to a `ReloadAgent`, which keeps it.
public struct AgentConfiguration {
    /// The sources and how they are read.
    public var load: LoadOptions
    /// Which keys are secret.
    public var secrets: SecretPolicy
    /// Keys every candidate must set, non-empty (`--require`).
    public var required: RequiredKeys
    /// `--validate` commands, run in order on each candidate.
    public var validateHooks: [String]
    /// `--exec` commands, run after each committed change.
    public var execHooks: [String]
    /// `--fifo` paths.
    public var fifos: [String]
    /// `--signal` and its targets; no targets, no signal.
    public var signal: SignalNotifier
    /// How long a validate or exec hook may run (`--hook-timeout`).
    public var hookTimeout: Duration
    /// The settle window and maximum wait (`--debounce`).
    public var debounce: Debouncer.Settings
    /// Whether `rejected` events go to FIFOs and exec hooks too (`--notify-rejections`).
    public var notifyRejections: Bool
    /// `--audit-log FILE`, if any.
    public var auditLog: String?
    /// Whether a reload that cannot be recorded in the audit log is rejected (`--audit-required`).
    public var auditRequired: Bool

    /// A configuration with the documented defaults: `HUP`, 30 s hook timeout, 100 ms debounce, no subscriber, no audit log.
    public init(
        load: LoadOptions,
        secrets: SecretPolicy,
        required: RequiredKeys = RequiredKeys([]),
        validateHooks: [String] = [],
        execHooks: [String] = [],
        fifos: [String] = [],
        signal: SignalNotifier = SignalNotifier(targets: []),
        hookTimeout: Duration = .seconds(30),
        debounce: Debouncer.Settings = Debouncer.Settings(),
        notifyRejections: Bool = false,
        auditLog: String? = nil,
        auditRequired: Bool = false
    ) {
        self.load = load
        self.secrets = secrets
        self.required = required
        self.validateHooks = validateHooks
        self.execHooks = execHooks
        self.fifos = fifos
        self.signal = signal
        self.hookTimeout = hookTimeout
        self.debounce = debounce
        self.notifyRejections = notifyRejections
        self.auditLog = auditLog
        self.auditRequired = auditRequired
    }
}
