import Testing
import TerwatchCore

@Suite struct ReloadRequestTests {
    private func changes(_ events: [WatchEvent]) -> ChangeSet {
        var changes = ChangeSet()
        for event in events { changes.absorb(event) }
        return changes
    }

    @Test func mergesPathsCountsReasonsAndForcing() {
        var request = ReloadRequest(changes: changes([.changed(["/a/.env"]), .rescan(.overflow)]))
        request.merge(ReloadRequest(changes: changes([
            .changed(["/a/.env", "/b/.env"]), .rescan(.vanished("/b")), .rescan(.overflow),
        ])))
        request.merge(.forced)
        #expect(request.changes.paths == ["/a/.env", "/b/.env"])
        #expect(request.changes.rescanReasons == [.overflow, .vanished("/b")])
        #expect(request.changes.eventCount == 5)
        #expect(request.forced)
        #expect(request.cause == "forced,overflow,vanished:/b,5 events")
    }

    @Test func staysUnforcedWhenNoPartWasForced() {
        var request = ReloadRequest(changes: changes([.changed(["/a/.env"])]))
        request.merge(ReloadRequest(changes: changes([.changed(["/a/.env"])])))
        #expect(!request.forced)
        #expect(request.cause == "2 events")
        #expect(ReloadRequest(changes: changes([.changed(["/a/.env"])])).cause == "1 event")
        #expect(ReloadRequest.forced.cause == "forced")
    }
}
