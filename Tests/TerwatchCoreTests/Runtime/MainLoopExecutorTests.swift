import Glibc
import Testing
@testable import TerwatchCore

@Suite struct MainLoopExecutorTests {
    /// What the loop's jobs saw; only the thread running the loop touches it while the loop runs.
    final class Record: @unchecked Sendable {
        var threads: Set<pthread_t> = []
        var steps: [Int] = []
        var done = false
    }

    @Test func tasksThatPreferTheLoopRunOnTheThreadDrainingItInOrder() {
        let executor = MainLoopExecutor()
        let record = Record()
        for step in 1...3 {
            Task(executorPreference: executor) {
                record.threads.insert(pthread_self())
                record.steps.append(step)
                if step == 3 { record.done = true }
            }
        }
        // The test's thread drains the loop here; in terwatch the main thread does.
        executor.run { record.done }
        #expect(record.steps == [1, 2, 3])
        #expect(record.threads == [pthread_self()])
    }
}
