import CInotifyTools
import Glibc
import Testing
@testable import TerwatchCore

extension WatcherIntegration {
    @Suite struct InotifyThreadTests {
        @Test func eventsNameTheirDirectoryAndEntry() async throws {
            let directory = try TemporaryDirectory()
            let reports = Recorder<InotifyThread.Report>()
            let thread = try await InotifyThread.start { reports.record($0) }
            let result = await thread.update(adding: [directory.path])
            #expect(Array(result.added.keys) == [directory.path])
            #expect(result.failed.isEmpty)
            Disk.write(directory("a.env"), "A=1\n")
            let seen = await reports.waitUntil(after: 0) { reports in
                reports.contains {
                    guard case .event(let event) = $0 else { return false }
                    return event.name == "a.env" && event.mask & UInt32(IN_CLOSE_WRITE) != 0
                        && event.directory == directory.path && event.path == directory("a.env")
                }
            }
            #expect(seen)
            #expect(!reports.values.contains { if case .event(let event) = $0 { event.mask & UInt32(IN_MODIFY) != 0 } else { true } })
            await thread.shutdown()
        }

        @Test func missingDirectoryFailsWithItsErrno() async throws {
            let directory = try TemporaryDirectory()
            let thread = try await InotifyThread.start { _ in }
            Disk.write(directory("file"), "")
            let result = await thread.update(adding: [directory("missing"), directory("file")])
            #expect(result.failed == [directory("missing"): ENOENT, directory("file"): ENOTDIR])
            await thread.shutdown()
        }

        @Test func onlyOneThreadRunsAtATime() async throws {
            let first = try await InotifyThread.start { _ in }
            await #expect(throws: InotifyError.alreadyRunning) { try await InotifyThread.start { _ in } }
            await first.shutdown()
            let second = try await InotifyThread.start { _ in }
            await second.shutdown()
            let refused = await second.update(adding: ["/tmp"])
            #expect(refused.failed == ["/tmp": EBADF])
        }

        @Test func descriptorIsCloseOnExecAndNotInherited() async throws {
            let thread = try await InotifyThread.start { _ in }
            #expect(thread.descriptor < FD_SETSIZE)
            #expect(LiveFileSystem.readLink("/proc/self/fd/\(thread.descriptor)") == "anon_inode:inotify")
            #expect(InotifyDescriptor.isCloseOnExec(thread.descriptor))
            let child = spawn(["ls", "-l", "/proc/self/fd/"])
            #expect(child.status == 0)
            #expect(child.output.contains(" 1 -> "))
            #expect(!child.output.contains("inotify"))
            await thread.shutdown()
            #expect(LiveFileSystem.readLink("/proc/self/fd/\(thread.descriptor)") != "anon_inode:inotify")
        }

        @Test func removedWakeFileIsRecreated() async throws {
            let thread = try await InotifyThread.start { _ in }
            Disk.unlink(thread.wakeFile)
            let result = await within(.seconds(10)) { await thread.update(adding: ["/tmp"]) }
            #expect(result?.added.keys.first == "/tmp")
            if result != nil { await thread.shutdown() }
        }

        @Test func movedWakeDirectoryIsReplaced() async throws {
            let thread = try await InotifyThread.start { _ in }
            let old = parentPath(thread.wakeFile)
            let moved = old + ".moved"
            Disk.rename(old, moved)
            defer { Disk.removeTree(moved) }
            let result = await within(.seconds(10)) { await thread.update(adding: ["/tmp"]) }
            #expect(result?.added.keys.first == "/tmp")
            #expect(parentPath(thread.wakeFile) != old)
            if result != nil { await thread.shutdown() }
        }
    }
}
