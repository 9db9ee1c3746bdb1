using Sitrep.Tests;

namespace Sitrep.Store.Tests;

public class StoreLocationTests
{
    [Theory]
    [InlineData("postgres://sitrep:secret@db.example:5432/news", "postgres")]
    [InlineData("POSTGRESQL://db/news", "postgresql")]
    [InlineData("mysql://db/news", "mysql")]
    [InlineData("sitrep.db", null)]
    [InlineData("/var/lib/sitrep/news.db", null)]
    [InlineData(@"C:\data\news.db", null)]
    public void Tells_a_server_url_from_a_file_path(string location, string? scheme) =>
        Assert.Equal(scheme, StoreLocation.Scheme(location));

    [Fact]
    public void A_url_of_an_unserved_scheme_is_refused_and_creates_no_file()
    {
        using var dir = new TempDir();
        var location = "mysql://" + dir.Combine("x");
        var error = Assert.Throws<StoreSetupException>(() => StoreLocation.Open(location));
        Assert.Contains("'mysql://' is not a kind of store", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void An_error_never_prints_the_password()
    {
        var error = Assert.Throws<StoreSetupException>(() => StoreLocation.Open("postgres://sitrep:hunter2@localhost/n"));
        Assert.DoesNotContain("hunter2", error.Message);
        Assert.Contains("postgres://sitrep:***@localhost/n", error.Message);
    }

    [Fact]
    public void A_file_path_opens_a_sqlite_store()
    {
        using var dir = new TempDir();
        using var store = StoreLocation.Open(dir.Combine("a.db"));
        Assert.Equal("ok", store.IntegrityCheck());
    }
}
