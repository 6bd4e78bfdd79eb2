using FolderPrism.Views.ETags;
using Microsoft.EntityFrameworkCore;

namespace FolderPrism.Views.Tests;

/// <summary>
/// A folder's ETags come from a range of the RelativePath index. Without statistics SQLite prefers an equality on any
/// indexed column over a range, so a plain <c>State = ?</c> made it read every present item of the library instead.
/// </summary>
public sealed class EntityTagQueryTests
{
    [Fact]
    public async Task A_folder_is_read_through_the_relative_path_index_not_the_whole_library()
    {
        await using var host = await ViewsHost.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            await host.AddAsync($"2024/0{i % 3 + 1}/IMG_{i}.jpg", new DateTime(2024, i % 3 + 1, 1));
        }

        await using var db = await host.Db.CreateDbContextAsync(ViewsHost.Timeout);
        await db.Database.OpenConnectionAsync(ViewsHost.Timeout);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + IndexedEntityTagProvider.FolderQuery;
        foreach (var (name, value) in new (string, object)[] { ("$low", "2024/01/"), ("$high", "2024/010"), ("$start", 9), ("$present", 0) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(ViewsHost.Timeout))
        {
            while (await reader.ReadAsync(ViewsHost.Timeout))
            {
                plan.Add(reader.GetString(3));
            }
        }

        string.Join("\n", plan).ShouldContain("USING INDEX IX_MediaItems_RelativePath (RelativePath>? AND RelativePath<?)");
    }
}
