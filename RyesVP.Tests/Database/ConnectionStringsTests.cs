using Npgsql;
using RyesVP.Domain.Database;

namespace RyesVP.Tests.Database;

public sealed class ConnectionStringsTests
{
    [Fact]
    public void ToNpgsql_WebAppUrl_IsConverted()
    {
        var b = new NpgsqlConnectionStringBuilder(ConnectionStrings.ToNpgsql(
            "postgresql://app%40user:p%40ss:word@db.example.com:6543/postgres?sslmode=require&pgbouncer=true&connection_limit=5"));

        Assert.Equal("db.example.com", b.Host);
        Assert.Equal(6543, b.Port);
        Assert.Equal("postgres", b.Database);
        Assert.Equal("app@user", b.Username);
        Assert.Equal("p@ss:word", b.Password);
        Assert.Equal(SslMode.Require, b.SslMode);
        Assert.Equal(5, b.MaxPoolSize);
        Assert.Equal(0, b.MaxAutoPrepare);
    }

    [Fact]
    public void ToNpgsql_KeywordString_IsKept()
    {
        var b = new NpgsqlConnectionStringBuilder(ConnectionStrings.ToNpgsql("Host=localhost;Port=5433;Database=ryesvp;Username=me"));
        Assert.Equal((5433, "ryesvp", "me"), (b.Port, b.Database, b.Username));
    }

    [Fact]
    public void ToNpgsql_DefaultPort_Is5432() =>
        Assert.Equal(5432, new NpgsqlConnectionStringBuilder(ConnectionStrings.ToNpgsql("postgres://u@h/db")).Port);

    [Fact]
    public void ToNpgsql_BadUrl_NeverEchoesThePassword()
    {
        var ex = Assert.ThrowsAny<Exception>(() => ConnectionStrings.ToNpgsql("postgresql://user:hunter2@[bad/db"));
        Assert.DoesNotContain("hunter2", ex.Message, StringComparison.Ordinal);
    }
}
