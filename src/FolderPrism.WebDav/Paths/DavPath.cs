namespace FolderPrism.WebDav.Paths;

/// <summary>
/// A decoded, validated and NFC-normalised WebDAV path (<c>/</c> or <c>/a/b</c>, never a trailing slash). Every lookup,
/// lock and dead property is keyed by this form, so two spellings of one resource (NFD vs NFC, with or without the
/// trailing slash) can never diverge.
/// </summary>
public sealed class DavPath : IEquatable<DavPath>
{
    private readonly string[] _segments;

    private DavPath(string[] segments)
    {
        _segments = segments;
        Value = segments.Length == 0 ? "/" : "/" + string.Join('/', segments);
    }

    public static DavPath Root { get; } = new([]);

    /// <summary>Builds a path from already validated segments.</summary>
    public static DavPath FromSegments(IEnumerable<string> segments) => new(segments.ToArray());

    public string Value { get; }

    public IReadOnlyList<string> Segments => _segments;

    public bool IsRoot => _segments.Length == 0;

    /// <summary>Last segment, empty for the root.</summary>
    public string Name => _segments.Length == 0 ? string.Empty : _segments[^1];

    public DavPath? Parent => _segments.Length == 0 ? null : new DavPath(_segments[..^1]);

    public DavPath Child(string name) => new([.. _segments, name]);

    /// <summary>True when <paramref name="other"/> is this path or lies below it.</summary>
    public bool Contains(DavPath other)
    {
        if (other._segments.Length < _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < _segments.Length; i++)
        {
            if (!string.Equals(_segments[i], other._segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Replaces the prefix <paramref name="from"/> of this path by <paramref name="to"/>.</summary>
    public DavPath Rebase(DavPath from, DavPath to) => new([.. to._segments, .. _segments[from._segments.Length..]]);

    public bool Equals(DavPath? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is DavPath other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;
}
