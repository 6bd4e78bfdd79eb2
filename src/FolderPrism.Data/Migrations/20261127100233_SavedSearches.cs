using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FolderPrism.Data.Migrations
{
    /// <summary>
    /// Search folders users create (MKCOL, or a file manager's "New folder" then rename) are listed in <c>Search/</c>.
    /// The table gets its ChangeCounters triggers like every other, so the cached <c>Search/</c> listing follows it.
    /// </summary>
    public partial class SavedSearches : Migration
    {
        private static readonly string[] Events = ["INSERT", "UPDATE", "DELETE"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SavedSearches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false, collation: "NOCASE"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedSearches", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SavedSearches_Name",
                table: "SavedSearches",
                column: "Name",
                unique: true);

            foreach (var e in Events)
            {
                migrationBuilder.Sql(
                    $"CREATE TRIGGER SavedSearches_Counts{e[0]}{e[1..].ToLowerInvariant()} AFTER {e} ON SavedSearches " +
                    "BEGIN UPDATE ChangeCounters SET Library = Library + 1 WHERE Id = 1; END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var e in Events)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS SavedSearches_Counts{e[0]}{e[1..].ToLowerInvariant()};");
            }

            migrationBuilder.DropTable(
                name: "SavedSearches");
        }
    }
}
