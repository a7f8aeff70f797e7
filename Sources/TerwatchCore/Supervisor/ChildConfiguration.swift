/// What a child is started with: its whole environment and the configuration generation that environment comes from.
public struct ChildConfiguration: Hashable, Sendable {
    /// The child's environment, `KEY=value` entries; nothing else is passed.
    public var environment: [String]
    /// The generation the environment was committed as (see `ReloadPipeline`); health reports name it.
    public var generation: Int

    /// A configuration of `environment` from `generation`.
    public init(environment: [String], generation: Int) {
        self.environment = environment
        self.generation = generation
    }
}
