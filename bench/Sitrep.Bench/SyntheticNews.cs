using System.Globalization;
using System.Text;
using System.Text.Json;

/// <summary>
/// Synthetic news at scale for the serving bench: many outlets, places (Ukrainian and Russian towns from the built
/// gazetteer), people and sides, and events reported again and again by different outlets, in different words, with
/// different numbers and now and then a denial, so that resolution and the stored tables meet the shapes they meet
/// in real news. Written as JSON Lines (title, outlet, published, text), seeded, so every run writes the same corpus.
/// </summary>
internal static class SyntheticNews
{
    private static readonly string[] First = ["Oleksandr", "Dmytro", "Serhiy", "Andriy", "Ivan", "Mykola", "Olena", "Iryna", "Natalia", "Yulia",
        "Sergei", "Dmitry", "Alexei", "Vladimir", "Mikhail", "Anna", "Maria", "Pavel", "Yuri", "Viktor", "Roman", "Oksana", "Taras", "Igor"];
    private static readonly string[] Last = ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Lysenko", "Marchenko",
        "Petrenko", "Savchenko", "Ivanov", "Smirnov", "Kuznetsov", "Popov", "Sokolov", "Lebedev", "Morozov", "Volkov", "Pavlenko", "Rudenko",
        "Hrytsenko", "Zakharchenko", "Demchenko", "Moroz", "Boyko", "Oliynyk", "Fedorov", "Orlov", "Belov", "Gusev", "Titov", "Karpenko"];
    private static readonly string[] Roles = ["regional governor", "military spokesman", "the mayor", "a defence ministry spokesman", "the head of the regional administration", "a local official"];
    private static readonly string[] Mastheads = ["Herald", "Daily", "Wire", "Courier", "Post", "Times", "Observer", "Review", "Monitor", "Gazette", "Bulletin", "Dispatch"];
    private static readonly string[] Regions = ["Eastern", "Northern", "Southern", "Western", "Black Sea", "Dnipro", "Steppe", "Capital", "Frontline", "Continental", "Baltic", "Danube"];
    private static readonly string[] Filler = ["Residents said the night had been loud.", "Power was restored to most districts by the afternoon.",
        "Schools in the area moved classes online.", "Aid groups said they were sending water and generators.", "The claims could not be independently verified.",
        "Trains were running with delays.", "Local authorities asked people to stay in shelters.", "Repair crews were working on damaged lines.",
        "The market reopened in the morning.", "Volunteers handed out food at the railway station.", "Officials gave no further details.",
        "Prices for fuel rose again this week.", "The bridge remained closed to heavy traffic.", "Emergency services worked through the night."];

    private sealed record TrueEvent(string Type, string Place, DateOnly Day, bool RussianSide, int Count, string Commander);

    public static int Write(string path, int count, string citiesTsv, int seed = 7)
    {
        var random = new Random(seed);
        var places = File.ReadLines(citiesTsv).Skip(1).Select(l => l.Split('\t'))
            .Where(f => f.Length > 6 && f[3] is "UA" or "RU" && long.Parse(f[6], CultureInfo.InvariantCulture) > 20_000).Select(f => f[1])
            .Where(n => n.All(c => char.IsLetter(c) || c is ' ' or '-')).Distinct().ToArray();
        var people = Enumerable.Range(0, 3000).Select(_ => $"{First[random.Next(First.Length)]} {Last[random.Next(Last.Length)]}").Distinct().ToArray();
        var outlets = Regions.SelectMany(r => Mastheads.Select(m => $"{r} {m}")).ToArray();
        var start = new DateOnly(2024, 1, 1);
        var events = Enumerable.Range(0, Math.Max(50, count / 6)).Select(_ => new TrueEvent(
            Pick(random, ["strike", "interception", "casualties", "evacuation", "control_change", "visit"]), places[random.Next(places.Length)],
            start.AddDays(random.Next(730)), random.Next(2) == 0, 3 + random.Next(400), people[random.Next(people.Length)])).ToArray();
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        for (var i = 0; i < count; i++)
        {
            // a few events get most of the coverage, as in real news: the square skews picks to the front
            var story = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => events[(int)(events.Length * Math.Pow(random.NextDouble(), 2))]).Distinct().ToList();
            var lead = story[0];
            var published = lead.Day.AddDays(random.Next(3));
            var text = new StringBuilder();
            foreach (var e in story)
            {
                text.Append(Sentence(random, e, people)).Append(' ');
                text.Append(Pick(random, Filler)).Append(' ').Append(Pick(random, Filler)).Append("\n\n");
            }
            for (var p = 0; p < 4; p++) text.Append(string.Join(' ', Enumerable.Range(0, 4).Select(_ => Pick(random, Filler)))).Append(" (").Append(i).Append(").\n\n");
            var record = new Dictionary<string, string>
            {
                ["title"] = $"{Headline(lead)} ({i})", ["outlet"] = outlets[random.Next(outlets.Length)],
                ["published"] = published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + $"T{random.Next(6, 23):00}:{random.Next(60):00}:00Z",
                ["text"] = text.ToString().TrimEnd(), ["url"] = $"https://news.example/{i}",
            };
            w.WriteLine(JsonSerializer.Serialize(record));
        }
        return count;
    }

    private static string Headline(TrueEvent e) => e.Type switch
    {
        "strike" => $"Strike on {e.Place}",
        "interception" => $"Drones downed over {e.Place}",
        "casualties" => $"Casualties in {e.Place}",
        "evacuation" => $"Evacuation from {e.Place}",
        "control_change" => $"Fighting for {e.Place}",
        _ => $"Visit to {e.Place}",
    };

    private static string Sentence(Random random, TrueEvent e, string[] people)
    {
        var day = e.Day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var who = people[random.Next(people.Length)];
        var role = Pick(random, Roles);
        var side = e.RussianSide ? "Russian" : "Ukrainian";
        // outlets disagree on numbers now and then
        var n = random.Next(5) == 0 ? e.Count + 1 + random.Next(20) : e.Count;
        return (e.Type, random.Next(3)) switch
        {
            ("strike", 0) => $"{side} forces shelled {e.Place} on {day}, {who}, {role}, said.",
            ("strike", 1) => $"According to {who}, {role}, {side} troops struck {e.Place} on {day}.",
            ("strike", _) => $"{e.Place} was attacked by {side} forces on {day}, {who} told reporters.",
            ("interception", 0) => $"Air defences shot down {n} drones over {e.Place} on {day}, {who}, {role}, said.",
            ("interception", _) => $"{n} drones were intercepted over {e.Place} on {day}, according to {who}.",
            ("casualties", 0) => $"{n} people were killed in {e.Place} on {day}, {who}, {role}, said.",
            ("casualties", _) => $"At least {n} people were wounded in {e.Place} on {day}, {who} said.",
            ("evacuation", _) => $"More than {n} people were evacuated from {e.Place} on {day}, {role} {who} said.",
            ("control_change", 0) => $"{side} forces captured {e.Place} on {day}, {who} claimed.",
            ("control_change", 1) => $"{who}, {role}, denied that {side} forces had captured {e.Place} on {day}.",
            ("control_change", _) => $"{side} troops entered {e.Place} on {day}, {who} said.",
            _ => $"{e.Commander} visited {e.Place} on {day}, {who}, {role}, said.",
        };
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
