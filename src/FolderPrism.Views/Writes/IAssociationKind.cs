namespace FolderPrism.Views.Writes;

/// <summary>
/// One kind of user-editable grouping (people, albums): what MKCOL, DELETE, MOVE and COPY in its view mean, by the
/// grouping's key (zero-padded id). Kept separate from the mount so the view code stays read-only.
/// </summary>
internal interface IAssociationKind
{
    Task CreateAsync(string name, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Renames; when another grouping already has <paramref name="newName"/>, merges into it.</summary>
    Task RenameAsync(string key, string newName, CancellationToken cancellationToken);

    Task AddAsync(string key, Guid itemId, CancellationToken cancellationToken);

    Task RemoveAsync(string key, Guid itemId, CancellationToken cancellationToken);
}
