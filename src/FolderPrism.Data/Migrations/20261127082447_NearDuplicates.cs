using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FolderPrism.Data.Migrations
{
    /// <summary>
    /// Near-duplicate pairs found at index time: a band table of perceptual hashes and a queue, both kept by triggers on
    /// <c>MediaItems</c> in the transaction that writes an item (whichever process or code path does it), and the pairs
    /// table the linker fills from the queue. An upgraded library gets every hashed image queued here, so its groups
    /// are found in the background after the upgrade. The three new tables get their ChangeCounters triggers, so cached
    /// listings refresh when pairs appear or go.
    /// </summary>
    public partial class NearDuplicates : Migration
    {
        private static readonly string[] Tables = ["NearDuplicatePairs", "NearDuplicatePending", "PerceptualBands"];

        private static readonly string[] Events = ["INSERT", "UPDATE", "DELETE"];

        // 64 bits as 6 bands of 9 bits and one of 10 (bits 54..63; SQLite's >> keeps the sign, the mask drops it).
        private static readonly string Columns = string.Join(", ", Enumerable.Range(0, 7).Select(i => $"\"B{i}\""));

        private static string InsertBands(string row) =>
            $"INSERT INTO \"PerceptualBands\" (\"ItemId\", \"Hash\", {Columns}) SELECT {row}.\"Id\", {row}.\"PerceptualHash\", " +
            string.Join(", ", Enumerable.Range(0, 7).Select(i => $"({row}.\"PerceptualHash\" >> {i * 9}) & {(i == 6 ? 1023 : 511)}"));

        private const string Forget =
            """
            DELETE FROM "NearDuplicatePairs" WHERE "ItemId" = OLD."Id";
            DELETE FROM "NearDuplicatePairs" WHERE "OtherId" = OLD."Id";
            DELETE FROM "PerceptualBands" WHERE "ItemId" = OLD."Id";
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NearDuplicatePairs",
                columns: table => new
                {
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OtherId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NearDuplicatePairs", x => new { x.ItemId, x.OtherId });
                });

            migrationBuilder.CreateTable(
                name: "NearDuplicatePending",
                columns: table => new
                {
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NearDuplicatePending", x => x.ItemId);
                });

            migrationBuilder.CreateTable(
                name: "PerceptualBands",
                columns: table => new
                {
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Hash = table.Column<long>(type: "INTEGER", nullable: false),
                    B0 = table.Column<int>(type: "INTEGER", nullable: false),
                    B1 = table.Column<int>(type: "INTEGER", nullable: false),
                    B2 = table.Column<int>(type: "INTEGER", nullable: false),
                    B3 = table.Column<int>(type: "INTEGER", nullable: false),
                    B4 = table.Column<int>(type: "INTEGER", nullable: false),
                    B5 = table.Column<int>(type: "INTEGER", nullable: false),
                    B6 = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerceptualBands", x => x.ItemId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NearDuplicatePairs_OtherId",
                table: "NearDuplicatePairs",
                column: "OtherId");

            migrationBuilder.CreateIndex(
                name: "IX_PerceptualBands_B0",
                table: "PerceptualBands",
                column: "B0");

            migrationBuilder.CreateIndex(
                name: "IX_PerceptualBands_B1",
                table: "PerceptualBands",
                column: "B1");

            migrationBuilder.CreateIndex(
                name: "IX_PerceptualBands_B2",
                table: "PerceptualBands",
                column: "B2");

            migrationBuilder.CreateIndex(
                name: "IX_PerceptualBands_B3",
                table: "PerceptualBands",
                column: "B3");

            migrationBuilder.CreateIndex(
                name: "IX_PerceptualBands_B4",
                table: "PerceptualBands",
                column: "B4");

            migrationBuilder.CreateIndex(
                name: "IX_PerceptualBands_B5",
                table: "PerceptualBands",
                column: "B5");

            migrationBuilder.CreateIndex(
                name: "IX_PerceptualBands_B6",
                table: "PerceptualBands",
                column: "B6");

            // Only images are matched (as in import); no INSERT OR IGNORE (an outer statement's conflict clause would
            // override the trigger's), so the queue insert checks for the row itself.
            migrationBuilder.Sql(
                $$"""
                CREATE TRIGGER "TR_MediaItems_NearDuplicate_Insert" AFTER INSERT ON "MediaItems"
                WHEN NEW."PerceptualHash" IS NOT NULL AND NEW."Kind" = 1
                BEGIN
                  {{InsertBands("NEW")}};
                  INSERT INTO "NearDuplicatePending" ("ItemId") SELECT NEW."Id"
                  WHERE NOT EXISTS (SELECT 1 FROM "NearDuplicatePending" WHERE "ItemId" = NEW."Id");
                END;
                """);
            migrationBuilder.Sql(
                $$"""
                CREATE TRIGGER "TR_MediaItems_NearDuplicate_Update"
                AFTER UPDATE OF "PerceptualHash", "Kind", "Width", "Height", "TakenLocal", "TakenSource" ON "MediaItems"
                WHEN OLD."PerceptualHash" IS NOT NEW."PerceptualHash" OR OLD."Kind" IS NOT NEW."Kind" OR OLD."Width" IS NOT NEW."Width"
                  OR OLD."Height" IS NOT NEW."Height" OR OLD."TakenLocal" IS NOT NEW."TakenLocal" OR OLD."TakenSource" IS NOT NEW."TakenSource"
                BEGIN
                  {{Forget}}
                  {{InsertBands("NEW")}} WHERE NEW."PerceptualHash" IS NOT NULL AND NEW."Kind" = 1;
                  INSERT INTO "NearDuplicatePending" ("ItemId") SELECT NEW."Id"
                  WHERE NEW."PerceptualHash" IS NOT NULL AND NEW."Kind" = 1
                    AND NOT EXISTS (SELECT 1 FROM "NearDuplicatePending" WHERE "ItemId" = NEW."Id");
                END;
                """);
            migrationBuilder.Sql(
                $$"""
                CREATE TRIGGER "TR_MediaItems_NearDuplicate_Delete" AFTER DELETE ON "MediaItems"
                BEGIN
                  {{Forget}}
                  DELETE FROM "NearDuplicatePending" WHERE "ItemId" = OLD."Id";
                END;
                """);
            foreach (var table in Tables)
            {
                foreach (var e in Events)
                {
                    migrationBuilder.Sql(
                        $"CREATE TRIGGER {table}_Counts{e[0]}{e[1..].ToLowerInvariant()} AFTER {e} ON {table} " +
                        "BEGIN UPDATE ChangeCounters SET Library = Library + 1 WHERE Id = 1; END;");
                }
            }

            // Existing libraries: bands for every hashed image, and all of them queued for matching in the background.
            migrationBuilder.Sql(InsertBands("m") + " FROM \"MediaItems\" AS m WHERE m.\"PerceptualHash\" IS NOT NULL AND m.\"Kind\" = 1;");
            migrationBuilder.Sql(
                "INSERT INTO \"NearDuplicatePending\" (\"ItemId\") SELECT \"Id\" FROM \"MediaItems\" WHERE \"PerceptualHash\" IS NOT NULL AND \"Kind\" = 1;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var name in new[] { "Insert", "Update", "Delete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"TR_MediaItems_NearDuplicate_{name}\";");
            }

            foreach (var table in Tables)
            {
                foreach (var e in Events)
                {
                    migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_Counts{e[0]}{e[1..].ToLowerInvariant()};");
                }
            }

            migrationBuilder.DropTable(
                name: "NearDuplicatePairs");

            migrationBuilder.DropTable(
                name: "NearDuplicatePending");

            migrationBuilder.DropTable(
                name: "PerceptualBands");
        }
    }
}
