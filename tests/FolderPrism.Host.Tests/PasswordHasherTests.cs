using FolderPrism.Core.Users;

namespace FolderPrism.Host.Tests;

public sealed class PasswordHasherTests
{
    [Fact]
    public void Default_iteration_count_is_at_least_600k_and_is_written_into_the_hash()
    {
        var hasher = new PasswordHasher();
        hasher.Iterations.ShouldBeGreaterThanOrEqualTo(600_000);
        PasswordHasher.IterationsOf(hasher.Hash("correct horse")).ShouldBe(hasher.Iterations);
    }

    [Fact]
    public void Same_password_gets_a_different_salt_and_hash_each_time()
    {
        var hasher = new PasswordHasher(1_000);
        var a = hasher.Hash("correct horse");
        var b = hasher.Hash("correct horse");
        a.ShouldNotBe(b);
        a.Split('$')[2].ShouldNotBe(b.Split('$')[2]);
        a.ShouldStartWith("pbkdf2-sha256$1000$");
    }

    [Fact]
    public void Decoy_has_the_hasher_shape_and_iterations_and_matches_no_password()
    {
        var hasher = new PasswordHasher(1_000);
        var decoy = hasher.CreateDecoy();
        var real = hasher.Hash("correct horse");

        PasswordHasher.IterationsOf(decoy).ShouldBe(1_000);
        decoy.Split('$').Select(p => p.Length).ShouldBe(real.Split('$').Select(p => p.Length));
        decoy.ShouldNotBe(hasher.CreateDecoy());
        hasher.Verify("correct horse", decoy).ShouldBeFalse();
        hasher.Verify(string.Empty, decoy).ShouldBeFalse();
    }

    [Fact]
    public void Verifies_the_right_password_and_rejects_wrong_ones()
    {
        var hasher = new PasswordHasher(1_000);
        var hash = hasher.Hash("correct horse");
        hasher.Verify("correct horse", hash).ShouldBeTrue();
        hasher.Verify("correct horse ", hash).ShouldBeFalse();
        hasher.Verify("Correct horse", hash).ShouldBeFalse();
        hasher.Verify(string.Empty, hash).ShouldBeFalse();
    }

    [Fact]
    public void Verification_uses_the_iteration_count_stored_in_the_hash()
    {
        var old = new PasswordHasher(1_000).Hash("correct horse");
        new PasswordHasher(2_000).Verify("correct horse", old).ShouldBeTrue();
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("pbkdf2-sha256$abc$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$1000$!!!$AAAA")]
    [InlineData("bcrypt$1000$AAAA$AAAA")]
    public void Malformed_hashes_never_verify(string stored)
    {
        new PasswordHasher(1_000).Verify("anything", stored).ShouldBeFalse();
    }
}
