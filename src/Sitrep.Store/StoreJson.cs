using System.Text.Json.Serialization;
using Sitrep.Core.Documents;

namespace Sitrep.Store;

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<CutText>))]
internal sealed partial class StoreJson : JsonSerializerContext;
