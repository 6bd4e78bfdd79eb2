using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FolderPrism.Core.Library;
using FolderPrism.Data;
using FolderPrism.Host.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FolderPrism.Host.Cli;

/// <summary>
/// <c>folderprism faces list [--json]</c>: every face of every present photo. With <c>--json</c>, one object per
/// line: <c>path</c> (relative to Originals/), <c>box</c> [x, y, w, h] in pixels of the upright image, <c>score</c>,
/// <c>source</c> (detected | xmp | manual) and <c>person</c> (name, unnamed cluster id, or null). A person added to a
/// whole photo by hand (COPY into <c>People/X</c> of a photo without a single unassigned face) has no box: <c>null</c>.
/// </summary>
internal sealed class FacesListVerb : ICliVerb
{
    public string? Parent => "faces";

    public Command Build(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per face per line" };
        var command = new Command("list", "List faces with box, score, source and person") { json };
        command.SetAction((result, cancellationToken) => CliSession.RunAsync(
            context.SettingsFrom(result), context.Console, async (session, ct) =>
            {
                var contexts = session.Services.GetRequiredService<IDbContextFactory<FolderPrismDbContext>>();
                await using var db = await contexts.CreateDbContextAsync(ct);
                var rows = await db.Faces.AsNoTracking()
                    .Join(db.MediaItems.Where(i => i.State == ItemState.Present && i.TrashedAt == null), f => f.ItemId, i => i.Id, (f, i) => new
                    {
                        Face = f, i.RelativePath, i.Width, i.Height, i.Orientation, Person = f.Person == null ? null : f.Person.Name,
                    })
                    .ToListAsync(ct);
                var output = session.Console.Out;
                foreach (var row in rows.OrderBy(r => r.RelativePath, StringComparer.Ordinal).ThenBy(r => r.Face.Id))
                {
                    var f = row.Face;
                    var swap = row.Orientation is >= 5 and <= 8;
                    var w = f.ImageWidth ?? (swap ? row.Height : row.Width) ?? 0;
                    var h = f.ImageHeight ?? (swap ? row.Width : row.Height) ?? 0;
                    int[] box = [Px(f.X, w), Px(f.Y, h), Px(f.Width, w), Px(f.Height, h)];
                    var wholePhoto = f.Source == AssociationSource.User && f.Width >= 1 && f.Height >= 1;
                    var source = f.Source switch
                    {
                        AssociationSource.Recognition => "detected",
                        AssociationSource.File => "xmp",
                        _ => "manual",
                    };
                    if (result.GetValue(json))
                    {
                        var node = new JsonObject
                        {
                            ["path"] = row.RelativePath,
                            ["box"] = wholePhoto ? null : new JsonArray(box.Select(v => (JsonNode?)v).ToArray()),
                            ["score"] = f.Score is { } s ? Math.Round(s, 4) : null,
                            ["source"] = source,
                            ["person"] = row.Person is { } name ? name : f.ClusterId is { } c ? c : null,
                        };
                        await output.WriteLineAsync(node.ToJsonString(JsonOptions).AsMemory(), ct);
                    }
                    else
                    {
                        var who = row.Person ?? (f.ClusterId is { } c ? $"cluster {c}" : "-");
                        var score = f.Score is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "-";
                        var where = wholePhoto ? "whole photo" : $"[{string.Join(',', box)}]";
                        await output.WriteLineAsync($"{row.RelativePath}  {where}  {score}  {source}  {who}".AsMemory(), ct);
                    }
                }

                return ExitCodes.Ok;
            }, cancellationToken));
        return command;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static int Px(double fraction, int size) => (int)Math.Round(fraction * size);
}
