using System.Text;
using Sitrep.Ingest;
using Sitrep.Ingest.Decoding;

namespace Sitrep.Ingest.Tests;

public class TextDecoderTests
{
    private const string Russian = "Пресс-секретарь Кремля заявил во вторник, что плотина была разрушена, а вода поднялась до крыш домов.";
    private const string Ukrainian = "Голова обласної адміністрації повідомив, що з правого берега евакуйовано понад тисячу людей.";

    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("windows-1251", Russian)]
    [InlineData("koi8-r", Russian)]
    [InlineData("windows-1251", Ukrainian)]
    public void Detects_legacy_cyrillic_code_pages(string encoding, string text)
    {
        var decoded = TextDecoder.Decode(Encoding.GetEncoding(encoding).GetBytes(text));
        Assert.Equal(text, decoded.Text);
        Assert.Equal(encoding, decoded.EncodingName);
    }

    [Fact]
    public void Reads_utf8_with_and_without_bom_and_normalises_line_endings()
    {
        Assert.Equal("a\nb\nc", TextDecoder.Decode(Encoding.UTF8.GetBytes("a\r\nb\rc")).Text);
        var withBom = TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Ukrainian)]);
        Assert.Equal((Ukrainian, "utf-8-bom"), (withBom.Text, withBom.EncodingName));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Reads_utf16_in_both_byte_orders_with_or_without_bom(bool bigEndian, bool bom)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: false);
        byte[] preamble = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : [];
        foreach (var text in new[] { "Kherson flooded on Tuesday, officials said.", Russian })
        {
            var decoded = TextDecoder.Decode([.. preamble, .. encoding.GetBytes(text)]);
            Assert.Equal(text, decoded.Text);
            Assert.Equal(bigEndian ? "utf-16be" : "utf-16le", decoded.EncodingName);
        }
    }

    [Fact]
    public void Rejects_binary_empty_and_undecodable_input_with_the_reason()
    {
        Assert.Contains("binary", Assert.Throws<InputRejectedException>(() => TextDecoder.Decode([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x41, 0x42, 0x43])).Message);
        Assert.Contains("empty", Assert.Throws<InputRejectedException>(() => TextDecoder.Decode([])).Message);
        Assert.Contains("empty", Assert.Throws<InputRejectedException>(() => TextDecoder.Decode("  \n\t "u8.ToArray())).Message);
        var invalid = Assert.Throws<InputRejectedException>(() => TextDecoder.Decode([.. "Plain text "u8, 0xC3, 0x28, 0xE9, 0x81, .. " more"u8]));
        Assert.Contains("not valid UTF-8", invalid.Message);
        Assert.Contains("offset 11", invalid.Message);
    }

    [Fact]
    public void A_few_damaged_bytes_in_utf8_become_replacement_characters_and_are_counted()
    {
        var text = string.Concat(Enumerable.Repeat("The convoy reached the river crossing before dawn, officials said. ", 20));
        byte[] bytes = [.. Encoding.UTF8.GetBytes(text[..100]), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(text[100..]), 0xFF];
        var decoded = TextDecoder.Decode(bytes);
        Assert.Equal(("utf-8", 2), (decoded.EncodingName, decoded.Replaced));
        Assert.Equal(text[..100] + "\uFFFD(" + text[100..] + "\uFFFD", decoded.Text);
        // a NUL inside text is damage too, and a U+FFFD the file itself writes is not
        var withNul = TextDecoder.Decode([.. Encoding.UTF8.GetBytes(text), 0x00, .. "\uFFFD"u8]);
        Assert.Equal(1, withNul.Replaced);
        Assert.Equal(0, TextDecoder.Decode(Encoding.UTF8.GetBytes(text + "\uFFFD")).Replaced);
    }

    [Fact]
    public void Lightly_damaged_copies_of_an_article_are_read_and_binary_files_are_still_refused()
    {
        var article = string.Join("\n\n", Enumerable.Range(1, 12).Select(i =>
            $"Paragraph {i}: the regional governor said on Tuesday that {i * 40} residents had been evacuated from the flooded " +
            "districts along the river, and that rescue teams — working through the night — had reached the last villages."));
        var random = new Random(18);
        var read = 0;
        for (var copy = 0; copy < 30; copy++)
        {
            var bytes = Encoding.UTF8.GetBytes(article);
            for (var k = 0; k < 50; k++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            try
            {
                if (TextDecoder.Decode(bytes).Replaced > 0) read++;
            }
            catch (InputRejectedException) { }
        }
        Assert.True(read >= 28, $"{read} of 30 damaged copies read");
        for (var file = 0; file < 10; file++)
        {
            var binary = new byte[4096];
            random.NextBytes(binary);
            Assert.Contains("binary", Assert.Throws<InputRejectedException>(() => TextDecoder.Decode(binary)).Message);
        }
    }

    [Fact]
    public void Latin_text_without_a_declared_charset_is_read_as_windows_1252()
    {
        var decoded = TextDecoder.Decode([.. "Caf"u8, 0xE9, .. " au lait, the ship left on Friday at dawn"u8]);
        Assert.Equal(("windows-1252", 0), (decoded.EncodingName, decoded.Replaced));
        Assert.StartsWith("Café au lait", decoded.Text);
    }
}
