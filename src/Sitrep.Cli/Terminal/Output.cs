using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sitrep.Cli.Terminal;

internal static class Output
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Json<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    public static string Clip(string? s, int width)
    {
        if (string.IsNullOrEmpty(s)) return "";
        s = s.Replace('\n', ' ');
        return s.Length <= width ? s : s[..(width - 1)] + "…";
    }
}

/// <summary>A one-line progress bar on standard error, shown only on a terminal and only once work has taken a second.</summary>
internal sealed class ProgressBar(string label, bool enabled) : IDisposable
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly bool _enabled = enabled && !Console.IsErrorRedirected;
    private long _lastDraw;
    private bool _drawn;

    public void Report(int done, int total)
    {
        if (!_enabled || _clock.ElapsedMilliseconds < 1000 || (_clock.ElapsedMilliseconds - _lastDraw < 100 && done < total)) return;
        _lastDraw = _clock.ElapsedMilliseconds;
        const int width = 30;
        var filled = total == 0 ? width : (int)((long)done * width / total);
        Console.Error.Write($"\r{label} [{new string('#', filled)}{new string('.', width - filled)}] {done}/{total} ");
        _drawn = true;
    }

    /// <summary>Writes a message on its own line without leaving a half-drawn bar behind it.</summary>
    public void Message(string line)
    {
        if (_drawn) { Console.Error.Write("\r" + new string(' ', Math.Min(Console.BufferWidth - 1, 79)) + "\r"); _drawn = false; }
        Console.Error.WriteLine(line);
    }

    public void Dispose()
    {
        if (_drawn) Console.Error.WriteLine();
    }
}
