/// The wrapped child as one more subscriber of the agent: the first generation starts it; each later one restarts it, signals it or is only kept for the next start (`--on-change`).
///
/// It never sees rejections (a rejected candidate never touches the child) nor
/// rollbacks, which `WrapMode` hands to the supervisor itself.
struct ChildSubscriber: Subscriber {
    let supervisor: ChildSupervisor
    let onChange: ChangeAction
    /// What `--on-change signal` sends to the child's process group (`--signal`).
    let signal: UnixSignal
    /// The inherited variables (none with `--pristine`).
    let inherited: [(key: String, value: String)]

    var takesRejections: Bool { false }

    var takesFirstGeneration: Bool { true }

    var takesRollbacks: Bool { false }

    /// The child's configuration for `generation`: the inherited variables overlaid by its keys.
    ///
    /// With `--no-override` the resolver already gave inherited keys their
    /// inherited values, so the overlay changes nothing for them.
    func configuration(of generation: Generation) -> ChildConfiguration {
        configuration(of: generation.snapshot, number: generation.number)
    }

    func receive(_ event: AgentEvent) async {
        let configuration = configuration(of: event.snapshot, number: event.generation)
        if event.isFirst {
            await supervisor.start(configuration)
            return
        }
        switch onChange {
        case .restart:
            await supervisor.restart(configuration)
        case .signal:
            await supervisor.update(configuration)
            await supervisor.signal(signal)
        case .ignore:
            await supervisor.update(configuration)
        }
    }

    private func configuration(of snapshot: Snapshot, number: Int) -> ChildConfiguration {
        ChildConfiguration(environment: ProcessEnvironment.overlay(inherited + snapshot.variables), generation: number)
    }
}
