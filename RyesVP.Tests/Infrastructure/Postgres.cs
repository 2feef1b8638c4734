using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RyesVP.Domain.Database;
using RyesVP.Domain.Venues;

namespace RyesVP.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL server that test.sh starts (RYESVP_TEST_PG). Each test gets a database of its own,
/// dropped when it is disposed.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name, string connectionString, string url)
    {
        Name = name;
        ConnectionString = connectionString;
        Url = url;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>As a postgresql:// URL, the way the web app writes DATABASE_URL.</summary>
    public string Url { get; }

    public NpgsqlDataSource DataSource { get; }

    public static string AdminUrl =>
        Environment.GetEnvironmentVariable("RYESVP_TEST_PG") is { Length: > 0 } url ? url : "postgresql://postgres@127.0.0.1:55432/postgres";

    public static async Task<TestDatabase> CreateAsync(bool migrate = true, bool seed = true)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionStrings.ToNpgsql(AdminUrl));
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var conn = new NpgsqlConnection(admin.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        var cs = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name };
        var url = $"postgresql://{cs.Username}@{cs.Host}:{cs.Port}/{name}";
        var db = new TestDatabase(name, cs.ConnectionString, url);
        if (migrate)
        {
            new Migrator(NullLogger<Migrator>.Instance).Apply(db.ConnectionString);
        }

        if (migrate && seed)
        {
            await new VenueStore(db.DataSource, TimeProvider.System).SeedAsync(VenueCatalog.All, CancellationToken.None);
        }

        return db;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        var value = await cmd.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)value;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        var admin = ConnectionStrings.ToNpgsql(AdminUrl);
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
