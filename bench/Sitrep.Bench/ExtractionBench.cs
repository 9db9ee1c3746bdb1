using System.Diagnostics;
using System.Text.Json;
using Sitrep.Ingest.Decoding;
using Sitrep.Ingest.Html;

/// <summary>
/// Article extraction side by side with readability.js (on jsdom), over the same pages in one run: each side reads and
/// decompresses the pages first, then parse and extraction are timed together after a warm-up, on one thread.
/// The peer is installed by this benchmark with npm into bench/readability/ (versions pinned in its package.json).
/// </summary>
internal static class ExtractionBench
{
    public static int Run(string pagesDir, string root, int rounds)
    {
        var files = Directory.EnumerateFiles(pagesDir).Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) { Console.Error.WriteLine($"no .html or .html.gz pages in {pagesDir}"); return 1; }
        var pages = files.Select(f => TextDecoder.Decode(Gzip.ReadFile(f)).Text).ToArray();
        Console.WriteLine($"extraction: {pages.Length} pages, {pages.Average(p => p.Length) / 1024:0} K characters each on average, from {pagesDir}");

        for (var r = 0; r < 3; r++) foreach (var p in pages) HtmlArticleExtractor.Extract(p);
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++) foreach (var p in pages) HtmlArticleExtractor.Extract(p);
        var sitrep = pages.Length * rounds / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  sitrep:         {sitrep,8:0.0} pages/s ({rounds} rounds)");

        var peer = Readability(Path.Combine(root, "bench", "readability"), Path.GetFullPath(pagesDir));
        if (peer is null) return 1;
        Console.WriteLine($"  readability.js: {peer,8:0.0} pages/s (@mozilla/readability on jsdom, node {Node("--version")?.Trim()})");
        Console.WriteLine($"  ratio:          {sitrep / peer,8:0.0}×");
        return 0;
    }

    private static double? Readability(string dir, string pagesDir)
    {
        if (!Directory.Exists(Path.Combine(dir, "node_modules", "jsdom")))
        {
            Console.WriteLine("  installing readability.js and jsdom with npm…");
            if (Run("npm", "install --no-audit --no-fund --loglevel=error", dir) is not { ExitCode: 0 }) { Console.Error.WriteLine("npm install failed in " + dir); return null; }
        }
        var run = Run("node", $"bench.mjs \"{pagesDir}\"", dir);
        if (run is not { ExitCode: 0 }) { Console.Error.WriteLine("readability.js failed: " + run?.Error); return null; }
        using var json = JsonDocument.Parse(run.Value.Output.Trim().Split('\n')[^1]);
        return json.RootElement.GetProperty("pages_per_second").GetDouble();
    }

    private static string? Node(string args) => Run("node", args, ".")?.Output;

    private static (int ExitCode, string Output, string Error)? Run(string file, string args, string dir)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(file, args) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = p.StandardOutput.ReadToEndAsync();
            var error = p.StandardError.ReadToEndAsync();
            p.WaitForExit();
            return (p.ExitCode, output.Result, error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"cannot run {file}: {e.Message}");
            return null;
        }
    }
}
