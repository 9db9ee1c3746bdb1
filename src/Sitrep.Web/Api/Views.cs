namespace Sitrep.Web.Api;

/// <summary>A page of results: the items, how many match in all, and where this page starts.</summary>
public sealed record PageView<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit);

public sealed record NamedView(string Id, string Name);

public sealed record PlaceView(string Id, string Name, double? Lat, double? Lon);

/// <summary>An event as a list shows it.</summary>
public sealed record EventSummaryView(
    string Id, string Type, string? Date, string? DateTo, string? Precision, bool DatedByText, PlaceView? Place, IReadOnlyList<NamedView> Actors,
    string Status, string Summary, IReadOnlyList<string> Quantities, int Reports, IReadOnlyList<string> Outlets, int Conflicts);

/// <summary>One outlet's report of an event: the sentence it rests on (offsets into the document's body), its source and stance.</summary>
public sealed record ReportView(
    string Document, string Outlet, string Stance, NamedView? Source, string? SourceText, string? ClaimId, string? Cue, string Quote,
    int Start, int End, string? Date);

public sealed record ConflictValueView(string Value, string Document, string Outlet);

public sealed record ConflictView(string Field, IReadOnlyList<ConflictValueView> Values);

public sealed record EventView(EventSummaryView Event, IReadOnlyList<ReportView> Reports, IReadOnlyList<ConflictView> Conflicts);

public sealed record EntitySummaryView(string Id, string Type, string Name, int Mentions, int Documents, double? Lat, double? Lon);

public sealed record AliasView(string Alias, int Count, IReadOnlyList<string> Documents, string Why);

public sealed record EntityView(
    string Id, string Type, string Name, double? Lat, double? Lon, string? GeoKind, string? Country, string? GeoRef, IReadOnlyList<AliasView> Aliases,
    IReadOnlyList<EventSummaryView> Events, int EventCount);

public sealed record ClaimView(
    string Id, string Document, string Outlet, int Start, int End, string Text, NamedView? Source, string? SourceText, string? Cue, string Stance);

public sealed record SpanView(int Start, int End, string Kind, string Label, string? Entity = null, string? Value = null);

/// <summary>An article with every annotation as offsets into its body.</summary>
public sealed record DocumentView(
    string Id, string? Title, string? Outlet, string? Author, string? Url, string Language, string? Published, string PublishedFrom, string? DuplicateOf,
    string Body, IReadOnlyList<SpanView> Mentions, IReadOnlyList<SpanView> Times, IReadOnlyList<SpanView> Quantities, IReadOnlyList<ClaimView> Claims,
    IReadOnlyList<EventSummaryView> Events);

public sealed record DocumentSummaryView(string Id, string? Title, string Outlet, string? Published);

/// <summary>An article to ingest: its text (plain or a whole HTML page) or the address of a page or feed to fetch.</summary>
public sealed record PostDocument(string? Text, string? Url);

public sealed record IngestedView(IReadOnlyList<string> Documents, int Added, int Duplicates, int Failed, IReadOnlyList<string> Problems);

/// <summary>A correction: merge the entity written A with the one written B, or split the spelling B off the entity written A.</summary>
public sealed record CorrectionRequest(string A, string B);

public sealed record ProblemView(string Error);
