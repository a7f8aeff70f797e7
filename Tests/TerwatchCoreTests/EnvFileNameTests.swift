import Testing
import TerwatchCore

@Suite struct EnvFileNameTests {
    @Test(arguments: [".env", ".env.local", ".env.production", "app.env", "10-base.env", ".env.example"])
    func includesDotenvNames(name: String) {
        #expect(EnvFileName.isIncluded(name))
    }

    @Test(arguments: ["env", "README", "a.envrc", "a.env~", ".a.env.swp", ".#a.env", "#a.env#", "a.env.tmp", ".env.tmp"])
    func excludesOtherNamesAndScratch(name: String) {
        #expect(!EnvFileName.isIncluded(name))
    }

    @Test(arguments: ["x~", ".x.swp", ".#x", "#x#", "x.tmp", "##"])
    func recognisesScratchFiles(name: String) {
        #expect(EnvFileName.isScratch(name))
    }

    @Test(arguments: ["#", "x.swp", "x#", "tmp"])
    func leavesLookalikesAlone(name: String) {
        #expect(!EnvFileName.isScratch(name))
    }
}
