using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FolderPrism.Data.Migrations
{
    /// <inheritdoc />
    public partial class DuplicateHashes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DuplicateHashes",
                columns: table => new
                {
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateHashes", x => x.ContentHash);
                });

            // Hashes shared by 2+ rows (any state): kept in the same transaction as every change to MediaItems,
            // whoever makes it. Each check is a seek on IX_MediaItems_ContentHash that stops at the second row.
            // No INSERT OR IGNORE: an outer statement's conflict clause would override the trigger's.
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "TR_MediaItems_DuplicateHash_Insert" AFTER INSERT ON "MediaItems"
                WHEN NEW."ContentHash" IS NOT NULL
                BEGIN
                  INSERT INTO "DuplicateHashes" ("ContentHash") SELECT NEW."ContentHash"
                  WHERE NOT EXISTS (SELECT 1 FROM "DuplicateHashes" WHERE "ContentHash" = NEW."ContentHash")
                    AND (SELECT COUNT(*) FROM (SELECT 1 FROM "MediaItems" WHERE "ContentHash" = NEW."ContentHash" LIMIT 2)) > 1;
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "TR_MediaItems_DuplicateHash_Update" AFTER UPDATE OF "ContentHash" ON "MediaItems"
                WHEN OLD."ContentHash" IS NOT NEW."ContentHash"
                BEGIN
                  DELETE FROM "DuplicateHashes" WHERE "ContentHash" = OLD."ContentHash"
                    AND (SELECT COUNT(*) FROM (SELECT 1 FROM "MediaItems" WHERE "ContentHash" = OLD."ContentHash" LIMIT 2)) < 2;
                  INSERT INTO "DuplicateHashes" ("ContentHash") SELECT NEW."ContentHash"
                  WHERE NEW."ContentHash" IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM "DuplicateHashes" WHERE "ContentHash" = NEW."ContentHash")
                    AND (SELECT COUNT(*) FROM (SELECT 1 FROM "MediaItems" WHERE "ContentHash" = NEW."ContentHash" LIMIT 2)) > 1;
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "TR_MediaItems_DuplicateHash_Delete" AFTER DELETE ON "MediaItems"
                WHEN OLD."ContentHash" IS NOT NULL
                BEGIN
                  DELETE FROM "DuplicateHashes" WHERE "ContentHash" = OLD."ContentHash"
                    AND (SELECT COUNT(*) FROM (SELECT 1 FROM "MediaItems" WHERE "ContentHash" = OLD."ContentHash" LIMIT 2)) < 2;
                END;
                """);

            // Existing libraries: the one full grouping, done once here.
            migrationBuilder.Sql(
                """
                INSERT INTO "DuplicateHashes" ("ContentHash")
                SELECT "ContentHash" FROM "MediaItems" WHERE "ContentHash" IS NOT NULL GROUP BY "ContentHash" HAVING COUNT(*) > 1;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_MediaItems_DuplicateHash_Insert\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_MediaItems_DuplicateHash_Update\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_MediaItems_DuplicateHash_Delete\";");
            migrationBuilder.DropTable(
                name: "DuplicateHashes");
        }
    }
}
