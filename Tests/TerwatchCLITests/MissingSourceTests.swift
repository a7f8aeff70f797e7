import Testing

/// A source that is not there fails with a message naming it, unless `--allow-missing`.
@Suite struct MissingSourceTests {
    @Test(arguments: [
        (["check"], ".env"),
        (["print"], ".env"),
        (["print", "-f", "conf/missing.env"], "conf/missing.env"),
        (["check", "absent.d"], "absent.d"),
        (["diff", "old.env", "new.env"], "old.env"),
    ])
    func namesTheMissingSource(arguments: [String], path: String) throws {
        let sandbox = try Sandbox()
        try sandbox.write("new.env", "A=1\n")
        let result = try ProcessRunner.run(
            Sandbox.terwatch, arguments, in: sandbox.directory, environment: Sandbox.baseEnvironment)
        #expect(result == ProcessResult(
            stdout: "",
            stderr: "terwatch: error: cannot open '\(path)': no such file or directory\n",
            status: 1
        ))
    }

    @Test func checkAllowsMissingSources() throws {
        let result = try Sandbox().terwatch("check", "--allow-missing")
        #expect(result == ProcessResult(
            stdout: "", stderr: "terwatch: checked 0 files, 0 keys: 0 errors, 0 warnings\n", status: 0))
    }

    @Test func printAllowsMissingSources() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.terwatch("print", "--allow-missing") == ProcessResult(stdout: "", stderr: "", status: 0))
        #expect(try sandbox.terwatch("print", "--allow-missing", "--format", "json")
            == ProcessResult(stdout: "{}\n", stderr: "", status: 0))
        #expect(try sandbox.terwatch("print", "-f", "gone.d", "--allow-missing", "--format", "shell")
            == ProcessResult(stdout: "", stderr: "", status: 0))
    }

    @Test func allowMissingTakesPresentSourcesAsUsual() throws {
        let sandbox = try Sandbox()
        try sandbox.write("b.env", "B=2\n")
        let result = try sandbox.terwatch("print", "--allow-missing", "a.env", "b.env", "--format", "json")
        #expect(result == ProcessResult(stdout: #"{"B":"2"}"# + "\n", stderr: "", status: 0))
    }

    @Test func diffAllowsAMissingSide() throws {
        let sandbox = try Sandbox()
        try sandbox.write("new.env", "A=1\n")
        let result = try sandbox.terwatch("diff", "--allow-missing", "old.env", "new.env")
        #expect(result == ProcessResult(
            stdout: "+ A=\"1\"\n1 added, 0 removed, 0 changed, 0 unchanged\n", stderr: "", status: 0))
    }
}
