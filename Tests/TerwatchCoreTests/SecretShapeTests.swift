import Testing
import TerwatchCore

/// Credentials recognised by their value alone, and near misses that are not.
@Suite struct SecretShapeTests {
    private static let random36 = "0123456789abcdefghijABCDEFGHIJ012345"

    private static let recognised: [(String, SecretShape)] = [
        ("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----", SecretShape.pemPrivateKey),
        ("-----BEGIN PRIVATE KEY-----\nMIIB", .pemPrivateKey),
        ("-----BEGIN OPENSSH PRIVATE KEY-----", .pemPrivateKey),
        ("-----BEGIN ENCRYPTED PRIVATE KEY-----", .pemPrivateKey),
        ("-----BEGIN PGP PRIVATE KEY BLOCK-----", .pemPrivateKey),
        ("AKIAIOSFODNN7EXAMPLE", .awsAccessKeyID),
        ("ASIAY34FZKBOKMUTVV7A", .awsAccessKeyID),
        ("id=AKIAIOSFODNN7EXAMPLE;", .awsAccessKeyID),
        ("AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY", .googleAPIKey),
        ("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", .jsonWebToken),
        ("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", .jsonWebToken),
        ("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", .jsonWebToken),
        ("ghp_" + random36, .tokenPrefix("ghp_")),
        ("github_pat_11ABCDEFG0_" + random36, .tokenPrefix("github_pat_")),
        ("glpat-" + String(random36.prefix(20)), .tokenPrefix("glpat-")),
        ("xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", .tokenPrefix("xoxb-")),
        ("xoxp-1234567890-1234567890123", .tokenPrefix("xoxp-")),
        ("sk_live_" + String(random36.prefix(24)), .tokenPrefix("sk_live_")),
        ("whsec_" + random36, .tokenPrefix("whsec_")),
        ("sk-proj-" + random36, .tokenPrefix("sk-")),
        ("sk-ant-api03-" + random36, .tokenPrefix("sk-")),
        ("npm_" + random36, .tokenPrefix("npm_")),
        ("pypi-AgEIcHlwaS5vcmcCJGQ", .tokenPrefix("pypi-")),
        ("hf_" + random36, .tokenPrefix("hf_")),
        ("token ghp_" + random36 + " end", .tokenPrefix("ghp_")),
        ("postgres://app:s3cret@db:5432/app", .passwordInURL),
        ("redis://:pw@cache:6379/0", .passwordInURL),
        ("amqp://user:p%40ss@mq/vhost", .passwordInURL),
        ("see https://u:p@host/x and more", .passwordInURL),
    ]

    private static let nearMisses: [String] = [
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
        "-----BEGIN PUBLIC KEY-----",
        "-----BEGIN private key-----",
        "BEGIN PRIVATE KEY",
        "-----BEGIN PRIVATE KEY",
        "AKIAIOSFODNN7EXAMPL",
        "AKIAIOSFODNN7EXAMPLEX",
        "AKIAiosfodnn7example",
        "XAKIAIOSFODNN7EXAMPLE",
        "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBW",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0",
        "eyJhbGc.eyJzdWIiOiIxIn0.c2ln",
        "eyJhbGciOiJIUzI1NiJ9..c2ln",
        "xeyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln",
        "ghp_short",
        "xghp_" + random36,
        "ghp_0123456789abcde",
        "sk-learn-tutorial-notes",
        "sk-" + String(random36.prefix(31)),
        "task-0123456789abcdefghijABCDEFGHIJ012345",
        "npm_config_cache",
        "sk_live_0123456789abcde",
        "https://example.com:8443/path",
        "https://user@host/",
        "https://user:@host/",
        "ftp://host/a:b@c",
        "mailto:user:x@host",
        "://user:pass@host",
        "1http://user:pass@host",
        "plain value",
        "",
    ]

    @Test(arguments: recognised)
    func recognisesEachShape(value: String, shape: SecretShape) {
        #expect(SecretShape.shapes(in: value) == [shape])
    }

    @Test(arguments: nearMisses)
    func leavesNearMissesAlone(value: String) {
        #expect(SecretShape.shapes(in: value) == [])
    }

    @Test func findsEveryShapeOnceInDeclarationOrder() {
        let value = "postgres://u:p@h AKIAIOSFODNN7EXAMPLE -----BEGIN EC PRIVATE KEY----- AKIAIOSFODNN7EXAMPLE"
        #expect(SecretShape.shapes(in: value) == [.pemPrivateKey, .awsAccessKeyID, .passwordInURL])
    }

    @Test func describesEachShapeForCheck() {
        #expect(SecretShape.pemPrivateKey.description == "PEM private key")
        #expect(SecretShape.awsAccessKeyID.description == "AWS access key id")
        #expect(SecretShape.googleAPIKey.description == "Google API key")
        #expect(SecretShape.jsonWebToken.description == "JSON web token")
        #expect(SecretShape.tokenPrefix("xoxb-").description == "Slack token prefix 'xoxb-'")
        #expect(SecretShape.passwordInURL.description == "password in URL")
    }
}
