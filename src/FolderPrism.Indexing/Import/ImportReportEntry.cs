using System.Text.Json.Serialization;

namespace FolderPrism.Indexing.Import;

/// <summary>One line of the JSON Lines import report: one input file and what became of it.</summary>
public sealed record ImportReportEntry
{
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    [JsonPropertyName("outcome")]
    public required string Outcome { get; init; }

    /// <summary>Where the file is now, relative to <c>Originals/</c>, when imported.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }

    [JsonPropertyName("duplicateOf")]
    public string? DuplicateOf { get; init; }

    /// <summary>Local capture time, ISO 8601 (with offset when known).</summary>
    [JsonPropertyName("takenAt")]
    public string? TakenAt { get; init; }

    [JsonPropertyName("takenAtSource")]
    public string? TakenAtSource { get; init; }

    [JsonPropertyName("damaged")]
    public bool Damaged { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonIgnore]
    public long Bytes { get; init; }

    [JsonIgnore]
    public ImportOutcome Kind => Outcome switch
    {
        "imported" => ImportOutcome.Imported,
        "duplicate" => ImportOutcome.Duplicate,
        "rejected" => ImportOutcome.Rejected,
        _ => ImportOutcome.Failed,
    };
}
