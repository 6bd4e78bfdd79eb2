namespace FolderPrism.WebDav.Tests;

/// <summary>An rclone WebDAV remote named <c>FP</c> configured purely through environment variables.</summary>
public sealed class RcloneRemote
{
    private readonly Dictionary<string, string> _env;

    private RcloneRemote(Dictionary<string, string> env) => _env = env;

    public static async Task<RcloneRemote> CreateAsync(DavServerFixture server)
    {
        var (exit, obscured) = await ExternalTool.RunAsync("rclone", ["obscure", DavServerFixture.EditorPassword]);
        exit.ShouldBe(0, obscured);
        return new RcloneRemote(new Dictionary<string, string>
        {
            ["RCLONE_CONFIG"] = Path.Combine(server.Root, "rclone.conf"),
            ["RCLONE_CONFIG_FP_TYPE"] = "webdav",
            ["RCLONE_CONFIG_FP_URL"] = server.BaseUri.ToString().TrimEnd('/'),
            ["RCLONE_CONFIG_FP_VENDOR"] = "other",
            ["RCLONE_CONFIG_FP_USER"] = DavServerFixture.EditorUser,
            ["RCLONE_CONFIG_FP_PASS"] = obscured.Trim(),
        });
    }

    public IReadOnlyDictionary<string, string> Environment => _env;

    /// <summary>Standard error of the last command (rclone logs notices there).</summary>
    public string LastErrors { get; private set; } = string.Empty;

    public async Task<string> RunAsync(params string[] args)
    {
        var (exit, stdout, stderr) = await ExternalTool.RunSplitAsync("rclone", args, env: _env);
        exit.ShouldBe(0, $"rclone {string.Join(' ', args)}:\n{stdout}{stderr}");
        LastErrors = stderr;
        return stdout;
    }
}
