using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Sitrep.Ingest.Decoding;

public sealed record DecodedText(string Text, string EncodingName);

/// <summary>
/// Turns bytes into text: byte-order marks, then the charset the HTTP response declared, UTF-16 without a BOM, strict
/// UTF-8, the charset a page declares in its &lt;meta&gt;, and the legacy Cyrillic code pages (windows-1251, KOI8-R)
/// told apart by letter frequencies. Valid UTF-8 outranks a page's own declaration, which outlives re-encoding far
/// more often than UTF-8 happens by chance. Binary and undecodable input is rejected with the reason.
/// Line endings are normalised to \n; every offset Sitrep reports into a decoded source counts after that.
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <param name="declaredCharset">The charset the source declared outside the bytes (an HTTP Content-Type), if any.</param>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null)
    {
        if (bytes.IsEmpty) throw new InputRejectedException("empty file");
        var (text, name) = DecodeRaw(bytes, declaredCharset);
        text = NormaliseLineEndings(text);
        if (string.IsNullOrWhiteSpace(text)) throw new InputRejectedException("empty file (only white space)");
        return new DecodedText(text, name);
    }

    private static (string, string) DecodeRaw(ReadOnlySpan<byte> b, string? declared)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (Utf8OrThrow(b[3..]), "utf-8-bom");
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0])) return (new UTF32Encoding(false, false).GetString(b[4..]), "utf-32le");
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Encoding.Unicode.GetString(b[2..]), "utf-16le");
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Encoding.BigEndianUnicode.GetString(b[2..]), "utf-16be");
        if (Declared(b, declared) is { } fromHeader) return fromHeader;
        if (LooksLikeUtf16(b, out var bigEndian))
            return bigEndian ? (Encoding.BigEndianUnicode.GetString(b), "utf-16be") : (Encoding.Unicode.GetString(b), "utf-16le");

        var sample = b[..Math.Min(b.Length, 64 * 1024)];
        if (sample.Contains((byte)0)) throw new InputRejectedException("binary file (contains NUL bytes)");
        var controls = 0;
        foreach (var x in sample)
            if (x < 0x20 && x is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C and not 0x1B) controls++;
        if (controls > sample.Length / 100 + 1) throw new InputRejectedException("binary file (control bytes)");

        var status = Utf8.ToUtf16(b, new char[b.Length], out var read, out _, replaceInvalidSequences: false);
        if (status == OperationStatus.Done) return (Encoding.UTF8.GetString(b), "utf-8");
        if (Declared(b, MetaCharset.Sniff(b)) is { } fromMeta) return fromMeta;
        return LegacyCyrillic(b) ?? throw new InputRejectedException(
            $"not valid UTF-8 (invalid byte 0x{b[read]:X2} at offset {read}) and not a recognised Cyrillic code page");
    }

    /// <summary>The bytes decoded as a declared single- or multi-byte charset; null when it is unknown, or UTF-8 that is not valid.</summary>
    private static (string, string)? Declared(ReadOnlySpan<byte> b, string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return null;
        Encoding encoding;
        try { encoding = Encoding.GetEncoding(charset.Trim().Trim('"', '\'')); }
        catch (ArgumentException) { return null; }
        // UTF-8 (and UTF-16, found above by its shape) is checked, not trusted: invalid bytes go on to detection
        if (encoding.CodePage is 65001 or 1200 or 1201) return null;
        var name = encoding.WebName;
        // browsers read latin-1 labels as windows-1252, which defines 0x80-0x9F
        if (encoding.CodePage == 28591) { encoding = Encoding.GetEncoding(1252); name = "windows-1252"; }
        return (encoding.GetString(b), name);
    }

    private static string Utf8OrThrow(ReadOnlySpan<byte> b)
    {
        try { return StrictUtf8.GetString(b); }
        catch (DecoderFallbackException) { throw new InputRejectedException("invalid UTF-8 after a UTF-8 byte-order mark"); }
    }

    /// <summary>Text in UTF-16 without a BOM has a zero (or Cyrillic 0x04) high byte in most code units.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> b, out bool bigEndian)
    {
        bigEndian = false;
        if (b.Length < 4 || b.Length % 2 != 0) return false;
        var n = Math.Min(b.Length, 4096) / 2;
        int evenHigh = 0, oddHigh = 0, evenZero = 0, oddZero = 0;
        for (var i = 0; i < n; i++)
        {
            byte e = b[2 * i], o = b[2 * i + 1];
            if (e is 0 or 4) evenHigh++;
            if (o is 0 or 4) oddHigh++;
            if (e == 0) evenZero++;
            if (o == 0) oddZero++;
        }
        // ASCII and single-byte text never has a 0x00 or 0x04 in most odd (or even) positions
        if (oddHigh > n * 0.7 && evenZero < n * 0.05) return true;
        if (evenHigh > n * 0.7 && oddZero < n * 0.05) { bigEndian = true; return true; }
        return false;
    }

    // Relative frequencies (per mille) of the commonest Russian/Ukrainian lower-case letters; capitals score a tenth.
    private static readonly Dictionary<char, int> LetterWeights = new()
    {
        ['о'] = 110, ['е'] = 85, ['а'] = 80, ['и'] = 74, ['н'] = 67, ['т'] = 63, ['с'] = 55, ['р'] = 47, ['в'] = 45, ['л'] = 44,
        ['к'] = 35, ['м'] = 32, ['д'] = 30, ['п'] = 28, ['у'] = 26, ['я'] = 20, ['і'] = 30, ['ы'] = 19, ['ь'] = 17, ['г'] = 17, ['з'] = 16,
    };

    private static (string, string)? LegacyCyrillic(ReadOnlySpan<byte> b)
    {
        int high = 0;
        foreach (var x in b) if (x >= 0x80) high++;
        if (high == 0) return null;
        (string Text, string Name, long Score)? best = null;
        foreach (var name in new[] { "windows-1251", "koi8-r", "koi8-u" })
        {
            var text = Encoding.GetEncoding(name).GetString(b);
            long score = 0;
            int cyr = 0, nonAscii = 0, letters = 0;
            foreach (var c in text)
            {
                if (char.IsLetter(c)) letters++;
                if (c < 0x80) continue;
                nonAscii++;
                if (c is >= '\u0400' and <= '\u04FF') cyr++;
                if (LetterWeights.TryGetValue(c, out var w)) score += w;
                else if (LetterWeights.TryGetValue(char.ToLowerInvariant(c), out var wu)) score += wu / 10;
            }
            // a few stray high bytes in Latin text are damage, not a Cyrillic page
            if (cyr < nonAscii * 0.85 || cyr < Math.Max(8, letters / 5)) continue;
            if (best is null || score > best.Value.Score) best = (text, name, score);
        }
        return best is { } r ? (r.Text, r.Name) : null;
    }

    private static string NormaliseLineEndings(string s) => s.Contains('\r') ? s.Replace("\r\n", "\n").Replace('\r', '\n') : s;
}
