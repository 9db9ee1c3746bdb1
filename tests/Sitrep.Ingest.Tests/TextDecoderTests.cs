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
        var invalid = Assert.Throws<InputRejectedException>(() => TextDecoder.Decode([.. "Plain text then "u8, 0xC3, 0x28, .. " more"u8]));
        Assert.Contains("not valid UTF-8", invalid.Message);
        Assert.Contains("offset 16", invalid.Message);
    }
}
