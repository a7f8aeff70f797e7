import Testing
@testable import TerwatchCore

@Test func linkedLibraryNamesCloseWrite() {
    #expect(InotifyLibrary.name(ofEvents: 0x8) == "CLOSE_WRITE,CLOSE")
}
