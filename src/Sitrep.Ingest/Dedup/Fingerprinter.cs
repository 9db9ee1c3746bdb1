using System.Security.Cryptography;
using System.Text;
using Sitrep.Core.Documents;

namespace Sitrep.Ingest.Dedup;

/// <summary>
/// Duplicate keys for a body: a SHA-256 of the normalised text (exact copies) and a 128-value MinHash signature over
/// word 5-shingles (near copies), computed by one-permutation hashing with rotation densification (one hash per
/// shingle, not 128). 16 bands of 8 values give the candidate keys; a candidate must share 2 bands, which a pair with
/// Jaccard 0.9 does with probability 0.998 and a pair with 0.6 only 3% of the time. Candidates are screened by the
/// signatures' estimate and confirmed with the exact Jaccard.
/// </summary>
public static class Fingerprinter
{
    public const int Bands = 16;
    private const int Rows = 8;
    public const int SignatureLength = Bands * Rows;
    private const int ShingleWords = 5;

    /// <summary>The Jaccard similarity at or above which an article is a syndicated copy of an earlier one.</summary>
    public const double NearDuplicateThreshold = 0.9;

    /// <summary>Candidates whose signatures estimate less than this are not worth an exact comparison.</summary>
    public const double ScreeningThreshold = 0.75;

    public const int MinSharedBands = 2;

    public static DocumentFingerprint Compute(string body)
    {
        var words = NormalisedWords(body);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(' ', words))));
        var signature = Signature(Shingles(words));
        return new DocumentFingerprint(hash, BandKeys(signature), signature);
    }

    public static HashSet<ulong> Shingles(string body) => Shingles(NormalisedWords(body));

    public static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count == 0 && b.Count == 0) return 1;
        var inter = a.Count <= b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        return (double)inter / (a.Count + b.Count - inter);
    }

    /// <summary>The share of equal signature values: an estimate of the Jaccard similarity of the two shingle sets.</summary>
    public static double Estimate(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length != b.Length || a.Length == 0) return 0;
        var same = 0;
        for (var i = 0; i < a.Length; i++) if (a[i] == b[i]) same++;
        return (double)same / a.Length;
    }

    /// <summary>Lower-cased runs of letters and digits: punctuation, case and spacing do not make two copies differ.</summary>
    public static List<string> NormalisedWords(string text)
    {
        var words = new List<string>(text.Length / 6);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            if (i > start) words.Add(string.Create(i - start, (text, start), static (dest, s) => s.text.AsSpan(s.start, dest.Length).ToLowerInvariant(dest)));
        }
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

    private static uint[] Signature(HashSet<ulong> shingles)
    {
        var bins = new ulong[SignatureLength];
        Array.Fill(bins, ulong.MaxValue);
        foreach (var s in shingles)
        {
            var bin = (int)(s % SignatureLength);
            var value = s / SignatureLength;
            if (value < bins[bin]) bins[bin] = value;
        }
        var signature = new uint[SignatureLength];
        for (var i = 0; i < SignatureLength; i++)
        {
            // an empty bin borrows from the next filled one, offset by the distance so borrowed values stay distinct
            var k = 0;
            while (k < SignatureLength && bins[(i + k) % SignatureLength] == ulong.MaxValue) k++;
            signature[i] = k == SignatureLength ? 0 : (uint)Mix(bins[(i + k) % SignatureLength] + (ulong)k * 0x9E3779B97F4A7C15UL);
        }
        return signature;
    }

    private static long[] BandKeys(uint[] signature)
    {
        var keys = new long[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var h = (ulong)band;
            for (var r = 0; r < Rows; r++) h = Mix(h ^ signature[band * Rows + r]);
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
