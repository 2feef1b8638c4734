using RyesVP.Domain.Database;
using RyesVP.Domain.Venues;

namespace RyesVP.Cli.Commands;

internal static class DbCommands
{
    public static async Task<int> RunAsync(Args args, IServiceProvider services, CancellationToken ct)
    {
        var database = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        switch (args.Positional.ElementAtOrDefault(1))
        {
            case "migrate":
                // Migrations go through the direct connection (DIRECT_URL) when the runtime one is a pooler.
                var url = string.IsNullOrWhiteSpace(database.DirectUrl) ? database.DatabaseUrl : database.DirectUrl;
                if (string.IsNullOrWhiteSpace(url))
                {
                    Console.Error.WriteLine("DATABASE_URL not set (nor DIRECT_URL)");
                    return 2;
                }

                var applied = services.GetRequiredService<Migrator>().Apply(ConnectionStrings.ToNpgsql(url));
                Console.WriteLine(applied.Count == 0 ? "Database is up to date." : $"Applied: {string.Join(", ", applied)}");
                return 0;
            case "seed":
                var (inserted, updated) = await services.GetRequiredService<VenueStore>().SeedAsync(VenueCatalog.All, ct);
                Console.WriteLine($"Venues: {VenueCatalog.All.Count} in catalogue, {inserted} inserted, {updated} filled in.");
                return 0;
            default:
                Console.Error.WriteLine("usage: ryesvp db migrate | ryesvp db seed");
                return 2;
        }
    }
}
