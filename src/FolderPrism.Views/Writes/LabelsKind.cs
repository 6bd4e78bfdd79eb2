using FolderPrism.Core.Library;
using FolderPrism.Data;
using FolderPrism.WebDav.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Writes;

/// <summary>
/// Label edits: DELETE of a photo in <c>Labels/&lt;label&gt;</c> rejects that label on the photo (kept as a rejected row
/// so vision does not bring it back), DELETE of the folder rejects it everywhere, COPY of a photo in adds (or
/// un-rejects) it. Labels are the detector's vocabulary, so creating or renaming a label folder is refused.
/// </summary>
internal sealed class LabelsKind(IDbContextFactory<FolderPrismDbContext> contexts, TimeProvider time) : IAssociationKind
{
    public Task CreateAsync(string name, CancellationToken cancellationToken) =>
        throw new DavException(StatusCodes.Status403Forbidden, message: "Labels come from object detection; use Tags for your own words.");

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Labels.Where(l => l.Name == key).ExecuteUpdateAsync(s => s.SetProperty(l => l.Rejected, true), cancellationToken);
    }

    public Task RenameAsync(string key, string newName, CancellationToken cancellationToken) =>
        throw new DavException(StatusCodes.Status403Forbidden, message: "Labels cannot be renamed; use Tags for your own words.");

    public async Task AddAsync(string key, Guid itemId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Labels.FirstOrDefaultAsync(l => l.ItemId == itemId && l.Name == key, cancellationToken);
        if (row is null)
        {
            db.Labels.Add(new Label { ItemId = itemId, Name = key, Score = 1, DetectedAt = time.GetUtcNow() });
        }
        else
        {
            row.Rejected = false;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveAsync(string key, Guid itemId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Labels.Where(l => l.ItemId == itemId && l.Name == key)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Rejected, true), cancellationToken);
    }
}
