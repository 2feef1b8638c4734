namespace RyesVP.Domain.Time;

/// <summary>A date on a venue page that cannot be read. Reported for that event; never defaulted.</summary>
public sealed class DateParseException(string message) : FormatException(message);
