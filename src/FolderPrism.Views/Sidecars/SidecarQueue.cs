using System.Threading.Channels;
using FolderPrism.Data;
using FolderPrism.Indexing.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FolderPrism.Views.Sidecars;

/// <summary>
/// Item ids whose sidecar must be rewritten, coalesced: an id waiting in the queue is not queued twice, and an id is
/// taken off the pending set just before its write, so a change made during the write queues one more (complete) write.
/// The organising writes only enqueue (cheap, in the request); <see cref="SidecarSyncService"/> does the file work.
/// A no-op when <see cref="ViewOptions.WriteXmpSidecars"/> is off.
/// </summary>
internal sealed class SidecarQueue(IOptions<ViewOptions> options, AssociationEdits edits)
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly HashSet<Guid> _pending = [];
    private readonly Lock _lock = new();
    private int _outstanding;

    public bool Enabled => options.Value.WriteXmpSidecars;

    public ChannelReader<Guid> Reader => _channel.Reader;

    /// <summary>
    /// Stamps an item as being edited, BEFORE the change commits, so a re-index that read its sidecar earlier does not
    /// bring back what the edit removes (<see cref="AssociationEdits"/>). Enqueue stamps too (for editors that only
    /// enqueue); the bulk readers (<see cref="ItemsOfTagAsync"/>...) stamp what they return, as they run before the change.
    /// </summary>
    public void Editing(Guid itemId)
    {
        if (Enabled)
        {
            edits.Editing([itemId]);
        }
    }

    public void Enqueue(Guid itemId)
    {
        if (!Enabled)
        {
            return;
        }

        edits.Editing([itemId]);

        lock (_lock)
        {
            if (_pending.Add(itemId))
            {
                Interlocked.Increment(ref _outstanding);
                _channel.Writer.TryWrite(itemId);
            }
        }
    }

    public void Enqueue(IEnumerable<Guid> itemIds)
    {
        foreach (var id in itemIds)
        {
            Enqueue(id);
        }
    }

    /// <summary>Called by the writer right before it reads the item's state.</summary>
    public void Starting(Guid itemId)
    {
        lock (_lock)
        {
            _pending.Remove(itemId);
        }
    }

    /// <summary>Called by the writer after the item's write (or its failure).</summary>
    public void Finished() => Interlocked.Decrement(ref _outstanding);

    /// <summary>Completes once every queued write has been done (tests, and an orderly shutdown).</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _outstanding) > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    /// <summary>Items tagged with the tag or one of its descendants: read BEFORE a tag is deleted, renamed or moved.</summary>
    public async Task<List<Guid>> ItemsOfTagAsync(FolderPrismDbContext db, int tagId, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return [];
        }

        var path = await db.Tags.Where(t => t.Id == tagId).Select(t => t.FullPath).FirstOrDefaultAsync(cancellationToken);
        if (path is null)
        {
            return [];
        }

        var prefix = path + "|";
        return Stamped(await db.ItemTags.Where(t => t.TagId == tagId || t.Tag!.FullPath.StartsWith(prefix))
            .Select(t => t.ItemId).Distinct().ToListAsync(cancellationToken));
    }

    /// <summary>Items showing the person: read BEFORE a person is deleted or renamed.</summary>
    public async Task<List<Guid>> ItemsOfPersonAsync(FolderPrismDbContext db, int personId, CancellationToken cancellationToken) =>
        Enabled ? Stamped(await db.Faces.Where(f => f.PersonId == personId).Select(f => f.ItemId).Distinct().ToListAsync(cancellationToken)) : [];

    /// <summary>Items in the album: read BEFORE an album is deleted or renamed.</summary>
    public async Task<List<Guid>> ItemsOfAlbumAsync(FolderPrismDbContext db, int albumId, CancellationToken cancellationToken) =>
        Enabled ? Stamped(await db.AlbumItems.Where(a => a.AlbumId == albumId).Select(a => a.ItemId).Distinct().ToListAsync(cancellationToken)) : [];

    private List<Guid> Stamped(List<Guid> itemIds)
    {
        edits.Editing(itemIds);
        return itemIds;
    }
}
