using System.ComponentModel.DataAnnotations;

namespace RyesVP.Domain.Database;

public sealed class DatabaseOptions
{
    /// <summary>Runtime connection (pooled), the web app's DATABASE_URL.</summary>
    [Required(ErrorMessage = "DATABASE_URL not set")]
    public string? DatabaseUrl { get; set; }

    /// <summary>Direct connection for migrations (DIRECT_URL); falls back to DATABASE_URL.</summary>
    public string? DirectUrl { get; set; }
}
