namespace Sitrep.Ingest.PlainText;

/// <summary>
/// The words and line shapes by which a page's furniture gives itself away in text copied from the web:
/// section labels above a headline, image credits, "Read also" links, and the markers where the article ends and the
/// site's lists, comment forms and share prompts begin.
/// </summary>
internal static class FurnitureRules
{
    public static readonly HashSet<string> Labels = Set(
        "exclusive", "opinion", "updated", "breaking", "breaking news", "analysis", "live", "video", "photo", "photos", "interview",
        "explainer", "advertisement", "sponsored", "promoted", "news", "world", "politics", "war", "ексклюзив", "эксклюзив", "мнение", "думка", "реклама");

    public static readonly HashSet<string> TailMarkers = Set(
        "tags", "tag", "read also", "read more", "more news", "more stories", "leave a reply", "leave a comment", "back to top", "reading now",
        "share", "share this", "share this article", "share on", "subscribe", "related", "related news", "related articles", "related stories",
        "comments", "popular", "most read", "most popular", "latest news", "latest", "follow us", "you may also like", "recommended",
        "see also", "теги", "мітки", "читайте також", "читайте также", "новини", "новости", "популярне", "популярное", "коментарі", "комментарии");

    /// <summary>Markers followed on the same line by a list: "Tags: Kherson, dam".</summary>
    public static readonly HashSet<string> ListMarkers = Set("tags", "tag", "topics", "теги", "мітки", "теми");

    public static readonly string[] InlinePrefixes =
    [
        "read also", "read more", "also read", "see also", "subscribe to", "follow us", "join us on", "share on", "click here",
        "читайте також", "читайте также", "підписуйтесь", "подписывайтесь",
    ];

    public static readonly HashSet<string> AuthorLabels = Set("автор", "author", "автор статті", "автор статьи", "редактор", "editor", "written by");

    public static readonly string[] AuthorPrefixes = ["by ", "author: ", "автор: ", "written by "];

    public static readonly string[] CreditPrefixes = ["photo:", "photo by", "photos:", "photograph:", "image:", "images:", "illustration:", "credit:", "фото:", "фото ", "ілюстрація:", "иллюстрация:"];

    public static readonly string[] CreditAgencies = ["getty images", "reuters", "ap", "afp", "epa", "anadolu", "shutterstock", "ap photo", "tass", "ria novosti", "ukrinform", "efe", "dpa"];

    public static readonly string[] KnownFurnitureSentences =
    [
        "your email address will not be published", "required fields are marked", "all rights reserved", "cookies", "sign up for",
        "subscribe to our", "log in to", "comment policy",
    ];

    public static readonly HashSet<string> DateLineFillers = Set(
        "published", "updated", "posted", "on", "at", "last", "modified", "date", "time", "am", "pm", "utc", "gmt", "кyiv", "kyiv",
        "опубліковано", "оновлено", "опубликовано", "обновлено");

    public static string Key(string line) => line.Trim().TrimEnd(':', '.', '!', '»', '›', '>').Trim().ToLowerInvariant();

    private static HashSet<string> Set(params string[] items) => new(items, StringComparer.OrdinalIgnoreCase);
}
