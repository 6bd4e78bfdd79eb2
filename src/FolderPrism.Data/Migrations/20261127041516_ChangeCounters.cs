using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FolderPrism.Data.Migrations
{
    /// <summary>
    /// A one-row <c>ChangeCounters</c> table and triggers that bump its <c>Vision</c> column on every row written to the
    /// vision tables (faces, people, labels, vision states) and its <c>Library</c> column on every row written to any
    /// other table, inside the writing transaction: the views' listing cache reads the row once per request and keeps
    /// listings that cannot depend on vision data (Timeline, Tags, …) while the vision worker commits. Triggers, not
    /// application code, so commits of other processes (the CLI) count too. A table added later needs its triggers in
    /// its own migration (ChangeCounterTests checks that every table has them).
    /// </summary>
    public partial class ChangeCounters : Migration
    {
        private static readonly string[] VisionTables = ["Faces", "People", "Labels", "VisionStates"];

        private static readonly string[] LibraryTables =
        [
            "Users", "MediaItems", "Tags", "ItemTags", "Albums", "AlbumItems", "ItemSidecars", "IndexJobs", "IndexMarkers",
            "DeadProperties", "ImportJournal", "DisplacedVersions", "DuplicateHashes", "TagDates",
        ];

        private static readonly string[] Events = ["INSERT", "UPDATE", "DELETE"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE TABLE ChangeCounters (Id INTEGER NOT NULL PRIMARY KEY CHECK (Id = 1), Library INTEGER NOT NULL, Vision INTEGER NOT NULL);");
            migrationBuilder.Sql("INSERT INTO ChangeCounters (Id, Library, Vision) VALUES (1, 0, 0);");
            foreach (var (tables, column) in new[] { (VisionTables, "Vision"), (LibraryTables, "Library") })
            {
                foreach (var table in tables)
                {
                    foreach (var e in Events)
                    {
                        migrationBuilder.Sql(
                            $"CREATE TRIGGER {table}_Counts{e[0]}{e[1..].ToLowerInvariant()} AFTER {e} ON {table} " +
                            $"BEGIN UPDATE ChangeCounters SET {column} = {column} + 1 WHERE Id = 1; END;");
                    }
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in VisionTables.Concat(LibraryTables))
            {
                foreach (var e in Events)
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_Counts{e[0]}{e[1..].ToLowerInvariant()};");
                }
            }

            migrationBuilder.Sql("DROP TABLE IF EXISTS ChangeCounters;");
        }
    }
}
