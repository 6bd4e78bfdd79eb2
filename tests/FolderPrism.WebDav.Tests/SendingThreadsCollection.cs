namespace FolderPrism.WebDav.Tests;

/// <summary>
/// Test classes whose downloads stall sending threads: run one after the other, because
/// <see cref="DirectSendTests"/> counts the sending threads of the whole test process.
/// </summary>
public static class SendingThreadsCollection
{
    public const string Name = "Sending threads";
}
