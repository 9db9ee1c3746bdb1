using System.Security.Cryptography;
using System.Text;
using Sitrep.Core.Documents;

namespace Sitrep.Ingest.Dedup;

/// <summary>
/// Duplicate keys for a body: a SHA-256 of the normalised text (exact copies) and MinHash band keys over word
/// 5-shingles (near copies). 16 bands of 8 rows make a pair with Jaccard 0.9 a candidate with probability 0.99999
/// and one with 0.5 only 6% of the time; candidates are then checked with the exact Jaccard.
/// </summary>
public static class Fingerprinter
{
    public const int Bands = 16;
    private const int Rows = 8;
    private const int ShingleWords = 5;

    /// <summary>The Jaccard similarity at or above which an article is a syndicated copy of an earlier one.</summary>
    public const double NearDuplicateThreshold = 0.9;

    public static DocumentFingerprint Compute(string body)
    {
        var words = NormalisedWords(body);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(' ', words))));
        return new DocumentFingerprint(hash, BandKeys(Shingles(words)));
    }

    public static HashSet<ulong> Shingles(string body) => Shingles(NormalisedWords(body));

    public static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count == 0 && b.Count == 0) return 1;
        var inter = a.Count <= b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return (double)inter / (a.Count + b.Count - inter);
    }

    /// <summary>Lower-cased runs of letters and digits: punctuation, case and spacing do not make two copies differ.</summary>
    public static List<string> NormalisedWords(string text)
    {
        var words = new List<string>(text.Length / 6);
        var sb = new StringBuilder(24);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) { sb.Append(char.ToLowerInvariant(c)); continue; }
            if (sb.Length > 0) { words.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) words.Add(sb.ToString());
        return words;
    }

    private static HashSet<ulong> Shingles(List<string> words)
    {
        var set = new HashSet<ulong>();
        var n = Math.Max(1, words.Count - ShingleWords + 1);
        for (var i = 0; i < n && words.Count > 0; i++)
        {
            var h = 14695981039346656037UL;
            for (var k = i; k < Math.Min(words.Count, i + ShingleWords); k++)
            {
                foreach (var c in words[k]) { h ^= c; h *= 1099511628211UL; }
                h ^= ' '; h *= 1099511628211UL;
            }
            set.Add(Mix(h));
        }
        return set;
    }

    private static long[] BandKeys(HashSet<ulong> shingles)
    {
        var mins = new ulong[Bands * Rows];
        Array.Fill(mins, ulong.MaxValue);
        foreach (var s in shingles)
            for (var k = 0; k < mins.Length; k++)
            {
                var v = Mix(s ^ (0x9E3779B97F4A7C15UL * (ulong)(k + 1)));
                if (v < mins[k]) mins[k] = v;
            }
        var keys = new long[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var h = (ulong)band;
            for (var r = 0; r < Rows; r++) h = Mix(h ^ mins[band * Rows + r]);
            keys[band] = (long)h;
        }
        return keys;
    }

    // splitmix64's finaliser: a stable 64-bit mixer (string.GetHashCode is randomised per process).
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
