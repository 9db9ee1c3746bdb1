namespace Sitrep.Core.Time;

public enum DatePrecision
{
    Unknown,
    Year,
    Month,
    Day,
    Hour,
    Minute,
    /// <summary>The day is only known to lie in a range of days.</summary>
    Range,
}

/// <summary>Where a publication date came from, as the export names it.</summary>
public enum DateSource
{
    None,
    Header,
    HtmlMeta,
    Url,
    Feed,
    Body,
}

public static class DateNames
{
    public static string ToExportName(this DatePrecision p) => p switch
    {
        DatePrecision.Year => "year",
        DatePrecision.Month => "month",
        DatePrecision.Day => "day",
        DatePrecision.Hour => "hour",
        DatePrecision.Minute => "minute",
        DatePrecision.Range => "range",
        _ => "unknown",
    };

    public static string ToExportName(this DateSource s) => s switch
    {
        DateSource.Header => "header",
        DateSource.HtmlMeta => "html-meta",
        DateSource.Url => "url",
        DateSource.Feed => "feed",
        DateSource.Body => "body",
        _ => "none",
    };

    public static DatePrecision ParsePrecision(string s) =>
        Enum.GetValues<DatePrecision>().FirstOrDefault(p => p.ToExportName() == s);

    public static DateSource ParseSource(string s) =>
        Enum.GetValues<DateSource>().FirstOrDefault(p => p.ToExportName() == s);
}
