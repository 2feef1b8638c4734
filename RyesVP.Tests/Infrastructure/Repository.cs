namespace RyesVP.Tests.Infrastructure;

public static class Repository
{
    /// <summary>The checkout's root (the folder holding RyesVP.sln).</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RyesVP.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new DirectoryNotFoundException("RyesVP.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
