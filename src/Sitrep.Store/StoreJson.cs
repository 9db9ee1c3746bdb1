using System.Text.Json.Serialization;
using Sitrep.Core.Documents;
using Sitrep.Core.Time;

namespace Sitrep.Store;

[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(PartialDateConverter)])]
[JsonSerializable(typeof(List<CutText>))]
[JsonSerializable(typeof(SourceHints))]
[JsonSerializable(typeof(Sitrep.Core.Events.Event))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StoreJson : JsonSerializerContext;

/// <summary>A partial date as its text ("2025-03", "2025-03-11T17:40"), which says exactly which parts are known.</summary>
internal sealed class PartialDateConverter : JsonConverter<PartialDate>
{
    public override PartialDate Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        PartialDate.Parse(reader.GetString()) ?? throw new System.Text.Json.JsonException("not a partial date: " + reader.GetString());

    public override void Write(System.Text.Json.Utf8JsonWriter writer, PartialDate value, System.Text.Json.JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
