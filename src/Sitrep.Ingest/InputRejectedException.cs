namespace Sitrep.Ingest;

/// <summary>The input cannot become a document; the message says why in words a user can act on.</summary>
public sealed class InputRejectedException(string reason) : Exception(reason);
