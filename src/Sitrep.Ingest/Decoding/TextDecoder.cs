using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Sitrep.Ingest.Decoding;

/// <param name="Replaced">How many bad byte sequences became U+FFFD; 0 when every byte was decoded.</param>
public sealed record DecodedText(string Text, string EncodingName, int Replaced = 0);

/// <summary>
/// Turns bytes into text: byte-order marks, then the charset the HTTP response declared, UTF-16 without a BOM, strict
/// UTF-8, the charset a page declares in its &lt;meta&gt;, and the legacy Cyrillic code pages (windows-1251, KOI8-R)
/// told apart by letter frequencies. Valid UTF-8 outranks a page's own declaration, which outlives re-encoding far
/// more often than UTF-8 happens by chance. Text that is mostly valid UTF-8 but has some damaged bytes is decoded as a
/// browser shows it, each bad sequence a U+FFFD, and the count is returned; input that is mostly binary or undecodable
/// is rejected with the reason.
/// Line endings are normalised to \n; every offset Sitrep reports into a decoded source counts after that.
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="declaredCharset">The charset the source declared outside the bytes (an HTTP Content-Type), if any.</param>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null)
    {
        if (bytes.IsEmpty) throw new InputRejectedException("empty file");
        var (text, name, replaced) = DecodeRaw(bytes, declaredCharset);
        text = NormaliseLineEndings(text);
        if (string.IsNullOrWhiteSpace(text)) throw new InputRejectedException("empty file (only white space)");
        return new DecodedText(text, name, replaced);
    }

    /// <summary>
    /// Past this share of bad bytes a file is not damaged text but something else: a browser's replacement characters
    /// would then be a good part of what the reader sees.
    /// </summary>
    public const double MaxDamagedShare = 0.1;

    private static (string, string, int) DecodeRaw(ReadOnlySpan<byte> b, string? declared)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Utf8Lossy(b[3..], "utf-8-bom");
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0])) return (new UTF32Encoding(false, false).GetString(b[4..]), "utf-32le", 0);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Encoding.Unicode.GetString(b[2..]), "utf-16le", 0);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Encoding.BigEndianUnicode.GetString(b[2..]), "utf-16be", 0);
        if (Declared(b, declared) is { } fromHeader) return (fromHeader.Item1, fromHeader.Item2, 0);
        if (LooksLikeUtf16(b, out var bigEndian))
            return bigEndian ? (Encoding.BigEndianUnicode.GetString(b), "utf-16be", 0) : (Encoding.Unicode.GetString(b), "utf-16le", 0);

        // a stray NUL or control byte is damage; many of them are a binary file's structure
        var sample = b[..Math.Min(b.Length, 64 * 1024)];
        int nuls = 0, controls = 0;
        foreach (var x in sample)
        {
            if (x == 0) nuls++;
            else if (x < 0x20 && x is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C and not 0x1B) controls++;
        }
        if (nuls > sample.Length / 1000 + 2) throw new InputRejectedException("binary file (contains NUL bytes)");
        if (controls > sample.Length / 50 + 2) throw new InputRejectedException("binary file (control bytes)");

        var utf8 = Utf8Shape.Of(b);
        if (utf8.Invalid == 0) return WithoutNuls(Encoding.UTF8.GetString(b), "utf-8", 0);
        if (Declared(b, MetaCharset.Sniff(b)) is { } fromMeta) return WithoutNuls(fromMeta.Item1, fromMeta.Item2, 0);
        // text with no valid multi-byte sequence whose every odd byte reads as a letter inside a word is Latin text in
        // windows-1252 ("Caf\xE9"); random damage almost never lands so
        if (utf8.Multibyte == 0 && utf8.AllInvalidInWords) return WithoutNuls(Encoding.GetEncoding(1252).GetString(b), "windows-1252", 0);
        if (utf8.Multibyte <= utf8.Invalid && LegacyCyrillic(b) is { } cyrillic) return WithoutNuls(cyrillic.Item1, cyrillic.Item2, 0);
        var share = (double)utf8.InvalidBytes / b.Length;
        if (share <= MaxDamagedShare) return Utf8Lossy(b, "utf-8");
        var what = share > 0.2 ? "binary file" : "not valid UTF-8";
        throw new InputRejectedException($"{what} ({share:0%} of its bytes are not valid UTF-8, the first 0x{b[utf8.FirstInvalid]:X2} at offset " +
            $"{utf8.FirstInvalid}) and not a recognised Cyrillic or Latin code page");
    }

    /// <summary>UTF-8 as a browser decodes it: each bad sequence (and each NUL) one U+FFFD, and how many there were.</summary>
    private static (string, string, int) Utf8Lossy(ReadOnlySpan<byte> b, string name)
    {
        var text = Encoding.UTF8.GetString(b);
        var replaced = text.AsSpan().Count('\uFFFD') - CountValidReplacementCharacters(b);
        return WithoutNuls(text, name, replaced);
    }

    /// <summary>U+FFFD written in the file itself (EF BF BD) is text, not damage.</summary>
    private static int CountValidReplacementCharacters(ReadOnlySpan<byte> b) => b.Count((ReadOnlySpan<byte>)[0xEF, 0xBF, 0xBD]);

    private static (string, string, int) WithoutNuls(string text, string name, int replaced)
    {
        var nuls = text.AsSpan().Count('\0');
        return nuls == 0 ? (text, name, replaced) : (text.Replace('\0', '\uFFFD'), name, replaced + nuls);
    }

    /// <summary>What a strict UTF-8 reading of the bytes finds: bad sequences, valid multi-byte ones, where the first bad one is.</summary>
    private readonly record struct Utf8Shape(int Invalid, int InvalidBytes, int Multibyte, int FirstInvalid, bool AllInvalidInWords)
    {
        public static Utf8Shape Of(ReadOnlySpan<byte> b)
        {
            int invalid = 0, invalidBytes = 0, multibyte = 0, first = -1;
            var inWords = true;
            var chars = new char[Math.Min(b.Length, 64 * 1024) + 4];
            var i = 0;
            while (i < b.Length)
            {
                var status = Utf8.ToUtf16(b[i..], chars, out var read, out var written, replaceInvalidSequences: false);
                multibyte += read - CountAscii(b.Slice(i, read));
                i += read;
                if (status is OperationStatus.Done) break;
                if (status == OperationStatus.DestinationTooSmall) continue;
                var bad = BadLength(b[i..]);
                if (first < 0) first = i;
                invalid++;
                invalidBytes += bad;
                inWords &= bad == 1 && IsLatinLetter(b[i]) && ((i > 0 && char.IsAsciiLetter((char)b[i - 1])) || (i + 1 < b.Length && char.IsAsciiLetter((char)b[i + 1])));
                i += bad;
            }
            // bytes of multi-byte sequences, counted roughly as sequences: two to four bytes each
            return new Utf8Shape(invalid, invalidBytes, multibyte / 2, first, inWords);
        }

        private static int CountAscii(ReadOnlySpan<byte> s)
        {
            var n = 0;
            foreach (var x in s) if (x < 0x80) n++;
            return n;
        }

        /// <summary>The length of the bad sequence at the start, as the Unicode standard's "maximal subpart" counts it.</summary>
        private static int BadLength(ReadOnlySpan<byte> s)
        {
            Rune.DecodeFromUtf8(s, out _, out var consumed);
            return Math.Max(1, consumed);
        }

        /// <summary>The byte is a letter in windows-1252 (À-ÿ but × and ÷, or Š Œ Ž š œ ž Ÿ).</summary>
        private static bool IsLatinLetter(byte x) =>
            (x >= 0xC0 && x != 0xD7 && x != 0xF7) || x is 0x8A or 0x8C or 0x8E or 0x9A or 0x9C or 0x9E or 0x9F;
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
