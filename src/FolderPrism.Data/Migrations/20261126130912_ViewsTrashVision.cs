using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FolderPrism.Data.Migrations
{
    /// <inheritdoc />
    public partial class ViewsTrashVision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ItemTags_TagId",
                table: "ItemTags");

            migrationBuilder.DropIndex(
                name: "IX_Faces_PersonId",
                table: "Faces");

            migrationBuilder.AddColumn<long>(
                name: "ClusterId",
                table: "Faces",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Clusterable",
                table: "Faces",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<byte[]>(
                name: "Embedding",
                table: "Faces",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImageHeight",
                table: "Faces",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImageWidth",
                table: "Faces",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Landmarks",
                table: "Faces",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Rejections",
                table: "Faces",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Score",
                table: "Faces",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Labels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false, collation: "NOCASE"),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Rejected = table.Column<bool>(type: "INTEGER", nullable: false),
                    DetectedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Labels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Labels_MediaItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "MediaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VisionStates",
                columns: table => new
                {
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    FaceCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisionStates", x => x.ItemId);
                    table.ForeignKey(
                        name: "FK_VisionStates_MediaItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "MediaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MediaItems_State_TrashedAt_TakenLocal_Id",
                table: "MediaItems",
                columns: new[] { "State", "TrashedAt", "TakenLocal", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ItemTags_TagId_ItemId",
                table: "ItemTags",
                columns: new[] { "TagId", "ItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_Faces_ClusterId",
                table: "Faces",
                column: "ClusterId");

            migrationBuilder.CreateIndex(
                name: "IX_Faces_PersonId_ItemId",
                table: "Faces",
                columns: new[] { "PersonId", "ItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_Labels_ItemId_Name",
                table: "Labels",
                columns: new[] { "ItemId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Labels_Name",
                table: "Labels",
                column: "Name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Labels");

            migrationBuilder.DropTable(
                name: "VisionStates");

            migrationBuilder.DropIndex(
                name: "IX_MediaItems_State_TrashedAt_TakenLocal_Id",
                table: "MediaItems");

            migrationBuilder.DropIndex(
                name: "IX_ItemTags_TagId_ItemId",
                table: "ItemTags");

            migrationBuilder.DropIndex(
                name: "IX_Faces_ClusterId",
                table: "Faces");

            migrationBuilder.DropIndex(
                name: "IX_Faces_PersonId_ItemId",
                table: "Faces");

            migrationBuilder.DropColumn(
                name: "ClusterId",
                table: "Faces");

            migrationBuilder.DropColumn(
                name: "Clusterable",
                table: "Faces");

            migrationBuilder.DropColumn(
                name: "Embedding",
                table: "Faces");

            migrationBuilder.DropColumn(
                name: "ImageHeight",
                table: "Faces");

            migrationBuilder.DropColumn(
                name: "ImageWidth",
                table: "Faces");

            migrationBuilder.DropColumn(
                name: "Landmarks",
                table: "Faces");

            migrationBuilder.DropColumn(
                name: "Rejections",
                table: "Faces");

            migrationBuilder.DropColumn(
                name: "Score",
                table: "Faces");

            migrationBuilder.CreateIndex(
                name: "IX_ItemTags_TagId",
                table: "ItemTags",
                column: "TagId");

            migrationBuilder.CreateIndex(
                name: "IX_Faces_PersonId",
                table: "Faces",
                column: "PersonId");
        }
    }
}
