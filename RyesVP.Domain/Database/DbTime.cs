namespace RyesVP.Domain.Database;

/// <summary>Prisma's TIMESTAMP(3) columns hold UTC wall-clock values with millisecond precision.</summary>
internal static class DbTime
{
    /// <summary>A UTC instant as such a column value (Kind Unspecified, whole milliseconds).</summary>
    public static DateTime Millis(DateTime utc) =>
        DateTime.SpecifyKind(new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond)), DateTimeKind.Unspecified);

    /// <summary>The text form jsonb_to_recordset casts to timestamp(3).</summary>
    public static string? Iso(DateTime? utc) =>
        utc?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
}
