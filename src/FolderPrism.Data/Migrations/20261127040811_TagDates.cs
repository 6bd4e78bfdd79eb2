using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FolderPrism.Data.Migrations
{
    /// <inheritdoc />
    public partial class TagDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TagDates",
                columns: table => new
                {
                    TagId = table.Column<int>(type: "INTEGER", nullable: false),
                    TakenLocal = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TagDates", x => new { x.TagId, x.TakenLocal, x.ItemId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_TagDates_ItemId_TagId",
                table: "TagDates",
                columns: new[] { "ItemId", "TagId" });

            // One row per tag link of a visible item (State 0 = present, not trashed, dated), kept in the same
            // transaction as every change to ItemTags or to an item's visibility/date, whoever makes it. TakenLocal is
            // copied as stored, so the view's date parameters compare exactly as on MediaItems. The inserts check for
            // the row first (no OR IGNORE: an outer statement's conflict clause would override the trigger's).
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "TR_ItemTags_TagDates_Insert" AFTER INSERT ON "ItemTags"
                BEGIN
                  INSERT INTO "TagDates" ("TagId", "TakenLocal", "ItemId")
                  SELECT NEW."TagId", m."TakenLocal", m."Id" FROM "MediaItems" AS m
                  WHERE m."Id" = NEW."ItemId" AND m."State" = 0 AND m."TrashedAt" IS NULL AND m."TakenLocal" IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM "TagDates" WHERE "ItemId" = NEW."ItemId" AND "TagId" = NEW."TagId");
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "TR_ItemTags_TagDates_Delete" AFTER DELETE ON "ItemTags"
                BEGIN
                  DELETE FROM "TagDates" WHERE "ItemId" = OLD."ItemId" AND "TagId" = OLD."TagId";
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "TR_ItemTags_TagDates_Update" AFTER UPDATE OF "ItemId", "TagId" ON "ItemTags"
                BEGIN
                  DELETE FROM "TagDates" WHERE "ItemId" = OLD."ItemId" AND "TagId" = OLD."TagId";
                  INSERT INTO "TagDates" ("TagId", "TakenLocal", "ItemId")
                  SELECT NEW."TagId", m."TakenLocal", m."Id" FROM "MediaItems" AS m
                  WHERE m."Id" = NEW."ItemId" AND m."State" = 0 AND m."TrashedAt" IS NULL AND m."TakenLocal" IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM "TagDates" WHERE "ItemId" = NEW."ItemId" AND "TagId" = NEW."TagId");
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "TR_MediaItems_TagDates_Update" AFTER UPDATE OF "State", "TrashedAt", "TakenLocal" ON "MediaItems"
                WHEN OLD."State" IS NOT NEW."State" OR OLD."TrashedAt" IS NOT NEW."TrashedAt" OR OLD."TakenLocal" IS NOT NEW."TakenLocal"
                BEGIN
                  DELETE FROM "TagDates" WHERE "ItemId" = OLD."Id";
                  INSERT INTO "TagDates" ("TagId", "TakenLocal", "ItemId")
                  SELECT t."TagId", NEW."TakenLocal", NEW."Id" FROM "ItemTags" AS t
                  WHERE t."ItemId" = NEW."Id" AND NEW."State" = 0 AND NEW."TrashedAt" IS NULL AND NEW."TakenLocal" IS NOT NULL;
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER "TR_MediaItems_TagDates_Delete" AFTER DELETE ON "MediaItems"
                BEGIN
                  DELETE FROM "TagDates" WHERE "ItemId" = OLD."Id";
                END;
                """);

            // Existing libraries: filled once here.
            migrationBuilder.Sql(
                """
                INSERT INTO "TagDates" ("TagId", "TakenLocal", "ItemId")
                SELECT t."TagId", m."TakenLocal", m."Id" FROM "ItemTags" AS t JOIN "MediaItems" AS m ON m."Id" = t."ItemId"
                WHERE m."State" = 0 AND m."TrashedAt" IS NULL AND m."TakenLocal" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_ItemTags_TagDates_Insert\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_ItemTags_TagDates_Delete\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_ItemTags_TagDates_Update\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_MediaItems_TagDates_Update\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_MediaItems_TagDates_Delete\";");
            migrationBuilder.DropTable(
                name: "TagDates");
        }
    }
}
