namespace Sitrep.Ingest.Decoding;

/// <summary>
/// The charset a web page declares in its first 1,024 bytes, as HTML's prescan looks for it:
/// <c>&lt;meta charset="…"&gt;</c> or <c>&lt;meta http-equiv="Content-Type" content="text/html; charset=…"&gt;</c>.
/// </summary>
public static class MetaCharset
{
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        Span<byte> head = stackalloc byte[Math.Min(bytes.Length, 1024)];
        for (var i = 0; i < head.Length; i++) head[i] = bytes[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(bytes[i] + 32) : bytes[i];
        for (var at = 0; head[at..].IndexOf("<meta"u8) is var k and >= 0;)
        {
            var start = at + k + 5;
            var tag = head[start..];
            if (tag.IndexOf((byte)'>') is var end and >= 0) tag = tag[..end];
            if (Value(tag) is { } charset) return charset;
            at = start;
        }
        return null;
    }

    private static string? Value(ReadOnlySpan<byte> tag)
    {
        var k = tag.IndexOf("charset"u8);
        if (k < 0) return null;
        var i = k + 7;
        while (i < tag.Length && tag[i] is (byte)' ' or (byte)'=' or (byte)'"' or (byte)'\'') i++;
        var from = i;
        while (i < tag.Length && (char.IsAsciiLetterOrDigit((char)tag[i]) || tag[i] is (byte)'-' or (byte)'_' or (byte)':' or (byte)'.')) i++;
        return i > from ? System.Text.Encoding.ASCII.GetString(tag[from..i]) : null;
    }
}
