using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FolderPrism.Data.Migrations
{
    /// <inheritdoc />
    public partial class FaceSidecarName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SidecarName",
                table: "Faces",
                type: "TEXT",
                maxLength: 512,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SidecarName",
                table: "Faces");
        }
    }
}
