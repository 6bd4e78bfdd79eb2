using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FolderPrism.Core.Users;

/// <summary>
/// Hashes passwords with PBKDF2-HMAC-SHA256 into a self-describing string
/// (<c>pbkdf2-sha256$iterations$salt$hash</c>, base64), so the iteration count can be raised later
/// without breaking stored hashes: verification always uses the count written in the hash.
/// </summary>
public sealed class PasswordHasher
{
    /// <summary>OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256; the floor for every real deployment.</summary>
    public const int DefaultIterations = 600_000;

    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Creates a hasher with <see cref="DefaultIterations"/>.</summary>
    public PasswordHasher()
        : this(DefaultIterations)
    {
    }

    /// <summary>Creates a hasher with a custom iteration count; only tests lower it, to stay fast.</summary>
    public PasswordHasher(int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        Iterations = iterations;
    }

    public int Iterations { get; }

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, Iterations, HashBytes);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture),
            Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>
    /// A well-formed hash with this hasher's iteration count that no password matches (random salt and digest), made
    /// without running PBKDF2. Verifying against it costs exactly as much as a real hash, so unknown user names take as
    /// long as wrong passwords, and creating it costs nothing at start-up (a real <see cref="Hash"/> is ≈ 0.5 s of CPU).
    /// </summary>
    public string CreateDecoy() =>
        string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(SaltBytes)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(HashBytes)));

    /// <summary>True when <paramref name="password"/> matches; false for a wrong password or a malformed hash.</summary>
    public bool Verify(string password, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryParse(storedHash, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Derive(password, salt, iterations, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>The iteration count written in a stored hash, or null when the string is not ours.</summary>
    public static int? IterationsOf(string storedHash) =>
        TryParse(storedHash, out var iterations, out _, out _) ? iterations : null;

    private static byte[] Derive(string password, byte[] salt, int iterations, int length) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, length);

    private static bool TryParse(string? storedHash, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = [];
        hash = [];
        var parts = storedHash?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length > 0 && hash.Length > 0;
    }
}
