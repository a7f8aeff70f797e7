import Testing

/// Directory sources and the source options: `--no-expand`, `--no-override`, `--pristine`.
@Suite struct SourceOptionTests {
    @Test func readsADirectoryInByteOrderSkippingScratchFiles() throws {
        let sandbox = try Sandbox()
        try sandbox.write("conf.d/20-site.env", "MODE=site\n")
        try sandbox.write("conf.d/10-base.env", "MODE=base\nPORT=80\n")
        try sandbox.write("conf.d/10-base/extra.env", "EXTRA=1\n")
        try sandbox.write("conf.d/.env.local", "LOCAL=1\n")
        try sandbox.write("conf.d/20-site.env~", "MODE=backup\n")
        try sandbox.write("conf.d/.20-site.env.swp", "MODE=vim\n")
        try sandbox.write("conf.d/.#20-site.env", "MODE=emacs-lock\n")
        try sandbox.write("conf.d/#20-site.env#", "MODE=emacs-autosave\n")
        try sandbox.write("conf.d/30-new.env.tmp", "MODE=tmp\n")
        try sandbox.write("conf.d/README", "MODE=readme\n")
        let result = try sandbox.terwatch("print", "-v", "-f", "conf.d", "--format", "json")
        #expect(result == ProcessResult(
            stdout: #"{"LOCAL":"1","MODE":"site","PORT":"80","EXTRA":"1"}"# + "\n",
            stderr: """
                terwatch: read 'conf.d/.env.local'
                terwatch: read 'conf.d/10-base.env'
                terwatch: read 'conf.d/10-base/extra.env'
                terwatch: read 'conf.d/20-site.env'

                """,
            status: 0))
    }

    @Test func laterSourcesOverrideADirectory() throws {
        let sandbox = try Sandbox()
        try sandbox.write("conf.d/a.env", "A=dir\nB=dir\n")
        try sandbox.write("override.env", "B=file\n")
        #expect(try sandbox.terwatch("print", "conf.d", "override.env") == ProcessResult(
            stdout: "A=dir\nB=file\n", stderr: "", status: 0))
    }

    @Test func takesValuesLiterallyWithNoExpand() throws {
        let sandbox = try Sandbox()
        try sandbox.write(".env", "HOST=h\nURL=\"http://${HOST}/$PATH\"\n")
        #expect(try sandbox.terwatch("print", "--format", "json") == ProcessResult(
            stdout: #"{"HOST":"h","URL":"http://h//usr/bin:/bin"}"# + "\n", stderr: "", status: 0))
        #expect(try sandbox.terwatch("print", "--format", "json", "--no-expand") == ProcessResult(
            stdout: #"{"HOST":"h","URL":"http://${HOST}/$PATH"}"# + "\n", stderr: "", status: 0))
    }

    @Test func letsInheritedVariablesWinWithNoOverride() throws {
        let sandbox = try Sandbox()
        try sandbox.write(".env", "MODE=file\nURL=http://${MODE}/\nOTHER=file\n")
        let environment = ["MODE": "inherited"]
        #expect(try sandbox.terwatch("print", "--format", "json", environment: environment) == ProcessResult(
            stdout: #"{"MODE":"file","URL":"http://file/","OTHER":"file"}"# + "\n", stderr: "", status: 0))
        #expect(try sandbox.terwatch("print", "--format", "json", "--no-override", environment: environment)
            == ProcessResult(
                stdout: #"{"MODE":"inherited","URL":"http://inherited/","OTHER":"file"}"# + "\n",
                stderr: "", status: 0))
    }

    @Test func ignoresTheInheritedEnvironmentWhenPristine() throws {
        let sandbox = try Sandbox()
        try sandbox.write(".env", "URL=http://${HOST}/\nHOST\n")
        let environment = ["HOST": "inherited"]
        #expect(try sandbox.terwatch("print", "--format", "json", environment: environment) == ProcessResult(
            stdout: #"{"URL":"http://inherited/","HOST":"inherited"}"# + "\n", stderr: "", status: 0))
        #expect(try sandbox.terwatch("print", "--format", "json", "--pristine", environment: environment)
            == ProcessResult(stdout: #"{"URL":"http:///"}"# + "\n", stderr: "", status: 0))
        #expect(try sandbox.terwatch("check", "-q", "--pristine", environment: environment) == ProcessResult(
            stdout: "", stderr: ".env:1:12: warning: undefined variable 'HOST' expands to empty\n", status: 0))
    }
}
