namespace FolderPrism.Core.Media;

public sealed record GeoPoint(double Latitude, double Longitude, double? Altitude);
