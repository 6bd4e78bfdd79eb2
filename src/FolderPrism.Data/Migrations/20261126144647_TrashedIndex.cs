using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FolderPrism.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrashedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_MediaItems_Trashed",
                table: "MediaItems",
                column: "TrashedAt",
                filter: "\"TrashedAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MediaItems_Trashed",
                table: "MediaItems");
        }
    }
}
