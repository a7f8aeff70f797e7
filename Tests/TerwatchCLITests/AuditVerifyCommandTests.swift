import Testing

/// `terwatch audit verify FILE` on logs chained by the shell's own `sha256sum`, then tampered with.
@Suite struct AuditVerifyCommandTests {
    /// A sandbox with `audit.log`: four records chained with sha256sum, as the documentation describes the chain.
    private func sandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        let chained = try sandbox.shell("""
            prev=$(printf '%064d' 0)
            : > audit.log
            for n in 1 2 3 4; do
              line="{\\"prev\\":\\"$prev\\",\\"time\\":\\"2026-11-21T22:19:3$n.000Z\\",\\"event\\":\\"reload\\",\\"generation\\":$n}"
              printf '%s\\n' "$line" >> audit.log
              prev=$(printf '%s\\n' "$line" | sha256sum | cut -c1-64)
            done
            """)
        #expect(chained == ProcessResult(stdout: "", stderr: "", status: 0))
        return sandbox
    }

    @Test func passesAnIntactLog() throws {
        let sandbox = try sandbox()
        #expect(try sandbox.terwatch("audit", "verify", "audit.log") == ProcessResult(
            stdout: "ok: 4 records\n", stderr: "", status: 0))
        #expect(try sandbox.shell("head -n 1 audit.log > one.log && : > empty.log").status == 0)
        #expect(try sandbox.terwatch("audit", "verify", "one.log") == ProcessResult(stdout: "ok: 1 record\n", stderr: "", status: 0))
        #expect(try sandbox.terwatch("audit", "verify", "empty.log") == ProcessResult(stdout: "ok: 0 records\n", stderr: "", status: 0))
    }

    @Test func reportsAChangedByteAtTheNextLine() throws {
        let sandbox = try sandbox()
        #expect(try sandbox.shell(#"sed '2s/"generation":2/"generation":5/' audit.log > changed.log"#).status == 0)
        #expect(try sandbox.terwatch("audit", "verify", "changed.log") == ProcessResult(
            stdout: "", stderr: "changed.log:3: error: chain broken: prev does not match the SHA-256 of line 2\n", status: 1))
    }

    @Test func reportsADeletedLine() throws {
        let sandbox = try sandbox()
        #expect(try sandbox.shell("sed '3d' audit.log > deleted.log && sed '1d' audit.log > headless.log").status == 0)
        #expect(try sandbox.terwatch("audit", "verify", "deleted.log") == ProcessResult(
            stdout: "", stderr: "deleted.log:3: error: chain broken: prev does not match the SHA-256 of line 2\n", status: 1))
        #expect(try sandbox.terwatch("audit", "verify", "headless.log") == ProcessResult(
            stdout: "", stderr: "headless.log:1: error: chain broken: the first record's prev is not all zeros\n", status: 1))
    }

    @Test func reportsReorderedLines() throws {
        let sandbox = try sandbox()
        #expect(try sandbox.shell("for n in 1 3 2 4; do sed -n ${n}p audit.log; done > reordered.log").status == 0)
        #expect(try sandbox.terwatch("audit", "verify", "reordered.log") == ProcessResult(
            stdout: "", stderr: "reordered.log:2: error: chain broken: prev does not match the SHA-256 of line 1\n", status: 1))
    }

    @Test func reportsARecordCutShort() throws {
        let sandbox = try sandbox()
        #expect(try sandbox.shell("head -c -1 audit.log > cut.log").status == 0)
        #expect(try sandbox.terwatch("audit", "verify", "cut.log") == ProcessResult(
            stdout: "", stderr: "cut.log:4: error: chain broken: the last record has no line break (a write cut short?)\n",
            status: 1))
    }

    @Test func failsOnAMissingLogAndOnUsageErrors() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.terwatch("audit", "verify", "nope.log") == ProcessResult(
            stdout: "", stderr: "terwatch: error: cannot open 'nope.log': no such file or directory\n", status: 1))
        #expect(try sandbox.terwatch("audit", "verify").status == 2)
        #expect(try sandbox.terwatch("audit", "verify", "a.log", "b.log").status == 2)
        #expect(try sandbox.terwatch("audit", "check", "a.log").status == 2)
    }
}
