@testable import TerwatchCore

/// Configurations, policies and machines the state-machine tests start from.
enum SupervisorFixtures {
    /// A configuration of generation `generation`: one variable naming it.
    static func configuration(_ generation: Int) -> ChildConfiguration {
        ChildConfiguration(environment: ["GENERATION=\(generation)"], generation: generation)
    }

    /// A machine with `policy` whose child `pid` runs, started at `at` with configuration `generation`.
    static func running(
        _ policy: SupervisorPolicy = SupervisorPolicy(), pid: Int32 = 100, generation: Int = 1, at: Duration = .zero
    ) -> Supervisor {
        var machine = Supervisor(policy: policy)
        _ = machine.handle(.command(.start(configuration(generation)), at: at))
        _ = machine.handle(.spawned(pid: pid, at: at))
        return machine
    }

    /// `SupervisorPolicy` with a rollback window of `window`.
    static func watching(_ window: Duration, restart: RestartPolicy = .never) -> SupervisorPolicy {
        SupervisorPolicy(restart: restart, rollbackWindow: window)
    }
}

extension Supervisor {
    /// Feeds a command at `time`.
    mutating func handle(_ command: Command, at time: Duration) -> [Action] {
        handle(.command(command, at: time))
    }
}
