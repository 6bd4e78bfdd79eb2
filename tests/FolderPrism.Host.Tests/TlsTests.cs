using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FolderPrism.Core.Users;

namespace FolderPrism.Host.Tests;

public sealed class TlsTests
{
    [Fact]
    public async Task Kestrel_serves_https_with_the_certificate_from_configuration()
    {
        using var dir = new TempDirectory();
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=folderprism-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pfx = Path.Combine(dir.Path, "cert.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "pfx-secret"));

        string? seenThumbprint = null;
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
            {
                seenThumbprint = cert?.Thumbprint;
                return cert?.Thumbprint == certificate.Thumbprint;
            },
        };
        await using var server = await RunningServer.StartAsync(dir, overrides: new Dictionary<string, string?>
        {
            ["Kestrel:Certificates:Default:Path"] = pfx,
            ["Kestrel:Certificates:Default:Password"] = "pfx-secret",
        }, urls: "https://127.0.0.1:0", handler: handler);

        server.BaseAddress.Scheme.ShouldBe("https");
        (await server.SendAsync(HttpMethod.Get, "/healthz")).StatusCode.ShouldBe(HttpStatusCode.OK);
        seenThumbprint.ShouldBe(certificate.Thumbprint);

        await server.AddUserAsync("tls-user", UserRole.Viewer, "tls-password");
        (await server.SendAsync(HttpMethod.Get, "/", "tls-user", "tls-password")).StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized);
    }
}
