using System.IO.Compression;

namespace Sitrep.Ingest.Decoding;

/// <summary>Compressed pages (page.html.gz), expanded with a cap so that a file built to exhaust memory is refused.</summary>
public static class Gzip
{
    public const long MaxExpandedBytes = 64L * 1024 * 1024;

    public static bool IsCompressed(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>A file's bytes, expanded when its name ends in .gz.</summary>
    public static byte[] ReadFile(string path) => IsCompressed(path) ? Expand(File.ReadAllBytes(path)) : File.ReadAllBytes(path);

    public static byte[] Expand(byte[] raw)
    {
        try
        {
            using var gz = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = gz.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, n);
                if (output.Length > MaxExpandedBytes) throw new InputRejectedException($"expands to more than {MaxExpandedBytes >> 20} MB when decompressed");
            }
            return output.ToArray();
        }
        catch (InvalidDataException) { throw new InputRejectedException("not a valid gzip file"); }
    }
}
