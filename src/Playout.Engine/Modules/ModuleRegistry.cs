using Playout.Engine.Consumers;
using Playout.Engine.Producers;

namespace Playout.Engine.Modules;

/// <summary>
/// The producer and consumer types the host's modules make, by name (any letter case): the host registers its
/// modules once at start-up, then asks for "clip", "color", "stream", … by the name a configuration or schedule gives.
/// Safe to read from several threads once registration is done.
/// </summary>
public sealed class ModuleRegistry
{
    private readonly Dictionary<string, (string Module, Func<ProducerRequest, Producer> Create)> _producers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Module, Func<ConsumerRequest, IConsumer> Create)> _consumers = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _withoutPicture = new(StringComparer.OrdinalIgnoreCase);
    private string _registering = "host";

    /// <summary>A registry with <paramref name="modules"/> registered in order.</summary>
    /// <exception cref="InvalidOperationException">Two modules claim the same type.</exception>
    public ModuleRegistry(params IEnumerable<IModule> modules)
    {
        foreach (var module in modules)
            Add(module);
    }

    public IReadOnlyList<string> ProducerTypes => [.. _producers.Keys.Order(StringComparer.Ordinal)];
    public IReadOnlyList<string> ConsumerTypes => [.. _consumers.Keys.Order(StringComparer.Ordinal)];

    /// <exception cref="InvalidOperationException">The module claims a type another module has.</exception>
    public void Add(IModule module)
    {
        _registering = module.Name;
        try
        {
            module.Register(this);
        }
        finally
        {
            _registering = "host";
        }
    }

    /// <exception cref="InvalidOperationException">Another module has this producer type.</exception>
    public void AddProducer(string type, Func<ProducerRequest, Producer> create) => Register(_producers, "producer", type, create);

    /// <param name="withoutPicture">The output works from the sound alone, so a radio channel (no video) may have it.</param>
    /// <exception cref="InvalidOperationException">Another module has this consumer type.</exception>
    public void AddConsumer(string type, Func<ConsumerRequest, IConsumer> create, bool withoutPicture = false)
    {
        Register(_consumers, "consumer", type, create);
        if (withoutPicture)
            _withoutPicture.Add(type);
    }

    /// <summary>The consumer types a radio channel may have: those that need no picture.</summary>
    public IReadOnlyList<string> SoundConsumerTypes => [.. _withoutPicture.Order(StringComparer.Ordinal)];

    public bool HasProducer(string type) => _producers.ContainsKey(type);
    public bool HasConsumer(string type) => _consumers.ContainsKey(type);

    /// <summary>A producer of <paramref name="type"/>; whatever its factory throws (a missing file, a bad setting) passes through.</summary>
    /// <exception cref="UnknownModuleTypeException">No module makes this type.</exception>
    public Producer CreateProducer(string type, ProducerRequest request) =>
        (_producers.TryGetValue(type, out var entry) ? entry.Create : throw new UnknownModuleTypeException("producer", type, ProducerTypes))(request);

    /// <summary>A consumer of <paramref name="type"/>; whatever its factory throws passes through.</summary>
    /// <exception cref="UnknownModuleTypeException">No module makes this type.</exception>
    /// <exception cref="ModuleSettingException">The type outputs pictures and the channel is a radio channel.</exception>
    public IConsumer CreateConsumer(string type, ConsumerRequest request)
    {
        var create = _consumers.TryGetValue(type, out var entry) ? entry.Create : throw new UnknownModuleTypeException("consumer", type, ConsumerTypes);
        if (request.Channel.Format.IsAudioOnly && !_withoutPicture.Contains(type))
            throw new ModuleSettingException("type", $"a {type} output needs pictures and a radio channel has none; it takes {string.Join(", ", SoundConsumerTypes)}");
        return create(request);
    }

    private void Register<T>(Dictionary<string, (string Module, T Create)> table, string kind, string type, T create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentNullException.ThrowIfNull(create);
        if (table.TryGetValue(type, out var existing))
            throw new InvalidOperationException($"{_registering}: {kind} type '{type}' is already registered by {existing.Module}");
        table[type] = (_registering, create);
    }
}
