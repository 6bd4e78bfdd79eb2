using System.Text.Json;
using FolderPrism.Views.Writes;
using FolderPrism.Vision.Faces;
using FolderPrism.WebDav.Handlers;
using FolderPrism.WebDav.Http;
using FolderPrism.WebDav.Store;
using Microsoft.AspNetCore.Http;

namespace FolderPrism.Views.Browser;

/// <summary>
/// <c>POST &lt;photo URL&gt;</c> with <c>Content-Type: application/json</c> and <c>{"name": "Alice", "box": [x, y, w, h]}</c>
/// (box as fractions 0..1 of the upright photo, as shown in the preview): marks a face by hand (<see cref="ManualFaces"/>).
/// Answers 201 with <c>{"face": id, "person": name, "box": [x, y, w, h] in upright original pixels, "embedded": bool}</c>.
/// The photo URL is any of its URLs (Originals/ or a view). Viewers are refused before this (POST is a write method).
/// Only JSON is accepted: a cross-site form cannot send it without a CORS preflight, which this server never grants,
/// so a page elsewhere cannot mark faces with a browser's remembered Basic credentials.
/// </summary>
internal sealed class FaceMarkHandler(IDavStore store, ItemLocator locator, ManualFaces faces) : IDavMethodHandler
{
    private const int MaxBody = 16 * 1024;

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IReadOnlyCollection<string> Methods { get; } = [HttpMethods.Post];

    public async Task HandleAsync(DavContext context)
    {
        var request = context.Request;
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new DavException(StatusCodes.Status415UnsupportedMediaType, message: "POST a JSON body: {\"name\": ..., \"box\": [x, y, w, h]}");
        }

        if (request.ContentLength is > MaxBody)
        {
            throw new DavException(StatusCodes.Status413PayloadTooLarge);
        }

        var item = await store.GetItemAsync(context.Path, context.Aborted);
        if (item is null || item.IsCollection)
        {
            throw new DavException(item is null ? StatusCodes.Status404NotFound : StatusCodes.Status405MethodNotAllowed);
        }

        var (name, box) = await ReadAsync(request, context.Aborted);
        var itemId = await locator.ItemIdAsync(item, context.Aborted);
        var marked = await faces.MarkAsync(itemId, name, box, context.Aborted);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status201Created;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await response.WriteAsync(
            JsonSerializer.Serialize(new { face = marked.FaceId, person = marked.Person, box = marked.Box, embedded = marked.Embedded }, Json),
            context.Aborted);
    }

    private static async Task<(string Name, FaceBox Box)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBody)
            {
                throw new DavException(StatusCodes.Status413PayloadTooLarge);
            }
        }

        try
        {
            using var doc = JsonDocument.Parse(buffer.ToArray());
            var root = doc.RootElement;
            var name = root.GetProperty("name").GetString() ?? string.Empty;
            var box = root.GetProperty("box");
            if (box.ValueKind != JsonValueKind.Array || box.GetArrayLength() != 4)
            {
                throw new DavException(StatusCodes.Status400BadRequest, message: "box must be [x, y, w, h]");
            }

            return (name, new FaceBox(box[0].GetDouble(), box[1].GetDouble(), box[2].GetDouble(), box[3].GetDouble()));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new DavException(StatusCodes.Status400BadRequest, message: "Malformed JSON: " + e.Message);
        }
    }
}
