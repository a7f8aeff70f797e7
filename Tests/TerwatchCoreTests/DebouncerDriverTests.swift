import Synchronization
import Testing
@testable import TerwatchCore

/// The driver with the real clock; every wait ends at a deadline.
@Suite struct DebouncerDriverTests {
    /// Collects deliveries and lets a test wait for a number of them with a deadline.
    final class Deliveries: Sendable {
        let received = Mutex<[ChangeSet]>([])
        let (stream, feed) = AsyncStream<Int>.makeStream()

        func add(_ changes: ChangeSet) {
            let count = received.withLock { $0.append(changes); return $0.count }
            feed.yield(count)
        }

        /// Waits until `count` deliveries arrived or `limit` passed; returns what arrived.
        func wait(for count: Int, within limit: Duration) async -> [ChangeSet] {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { for await seen in self.stream where seen >= count { return } }
                group.addTask { try? await Task.sleep(for: limit) }
                if received.withLock({ $0.count }) < count { await group.next() }
                group.cancelAll()
            }
            return received.withLock { $0 }
        }
    }

    @Test func burstBecomesOneChangeSet() async {
        let (events, input) = AsyncStream<WatchEvent>.makeStream()
        let deliveries = Deliveries()
        let driver = DebounceDriver(settings: .init(settle: .milliseconds(300)))
        let running = Task { await driver.run(events) { deliveries.add($0) } }
        input.yield(.changed(["/a/.env"]))
        input.yield(.changed(["/a/tmp"]))
        input.yield(.rescan(.overflow))
        let received = await deliveries.wait(for: 1, within: .seconds(10))
        #expect(received.count == 1)
        #expect(received.first?.paths == ["/a/.env", "/a/tmp"])
        #expect(received.first?.rescanReasons == [.overflow])
        #expect(received.first?.eventCount == 3)
        input.finish()
        await running.value
    }

    @Test func zeroSettleDelivers() async {
        let (events, input) = AsyncStream<WatchEvent>.makeStream()
        let deliveries = Deliveries()
        let driver = DebounceDriver(settings: .init(settle: .zero))
        let running = Task { await driver.run(events) { deliveries.add($0) } }
        input.yield(.changed(["/a/.env"]))
        let first = await deliveries.wait(for: 1, within: .seconds(10))
        #expect(first.map(\.paths) == [["/a/.env"]])
        input.yield(.changed(["/a/b"]))
        let second = await deliveries.wait(for: 2, within: .seconds(10))
        #expect(second.map(\.paths) == [["/a/.env"], ["/a/b"]])
        input.finish()
        await running.value
    }

    @Test func endingTheEventsEndsTheDriverWithoutDelivering() async {
        let (events, input) = AsyncStream<WatchEvent>.makeStream()
        let deliveries = Deliveries()
        let driver = DebounceDriver(settings: .init(settle: .seconds(60)))
        let running = Task { await driver.run(events) { deliveries.add($0) } }
        input.yield(.changed(["/a/.env"]))
        input.finish()
        await running.value
        #expect(deliveries.received.withLock { $0.isEmpty })
    }

    @Test func cancellationEndsAnIdleDriver() async {
        let (events, input) = AsyncStream<WatchEvent>.makeStream()
        let driver = DebounceDriver()
        let running = Task { await driver.run(events) { _ in } }
        running.cancel()
        await running.value
        input.finish()
    }
}
