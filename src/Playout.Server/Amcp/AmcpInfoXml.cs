using System.Globalization;
using System.Text;
using System.Xml;

namespace Playout.Server.Amcp;

/// <summary>
/// INFO's XML as CasparCG 2.3 writes it: the channel's state under <c>&lt;channel&gt;</c>, each path an element path, a
/// value list as repeated elements (<c>&lt;framerate&gt;50&lt;/framerate&gt;&lt;framerate&gt;1&lt;/framerate&gt;</c>), a number
/// that would be an element name prefixed by its parent's (<c>layer/10</c> → <c>layer/layer_10</c>), indented by three spaces.
/// </summary>
public static class AmcpInfoXml
{
    public static string Of(IEnumerable<AmcpStateEntry> entries)
    {
        var root = new Node("channel");
        foreach (var entry in entries.Where(e => !e.Legacy))
        {
            var node = root;
            string[] parts = entry.Path.Split('/');
            for (int i = 0; i < parts.Length - 1; i++)
                node = node.Child(ElementName(parts, i));
            foreach (var value in entry.Values)
                node.Children.Add(new Node(ElementName(parts, parts.Length - 1)) { Value = Text(value) });
        }
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        root.Write(xml, 0);
        return xml.ToString();
    }

    /// <summary>A digits-only part becomes the part before it, an underscore and the digits (XML names cannot start with a digit).</summary>
    private static string ElementName(string[] parts, int i) =>
        i > 0 && parts[i].All(char.IsAsciiDigit) ? $"{parts[i - 1]}_{parts[i]}" : parts[i];

    private static string Text(object value) => value switch
    {
        bool b => b ? "true" : "false",
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private sealed class Node(string name)
    {
        public string Name { get; } = name;
        public string? Value { get; init; }
        public List<Node> Children { get; } = [];

        /// <summary>The first child of that name, added when there is none (as a property tree's path walk does).</summary>
        public Node Child(string name)
        {
            var child = Children.FirstOrDefault(c => c.Name == name && c.Value is null);
            if (child is null)
                Children.Add(child = new Node(name));
            return child;
        }

        public void Write(StringBuilder xml, int depth)
        {
            xml.Append(' ', depth * 3).Append('<').Append(Name).Append('>');
            if (Value is not null)
                xml.Append(Escape(Value));
            else
            {
                xml.Append('\n');
                foreach (var child in Children)
                    child.Write(xml, depth + 1);
                xml.Append(' ', depth * 3);
            }
            xml.Append("</").Append(Name).Append(">\n");
        }

        private static string Escape(string text)
        {
            var escaped = new StringBuilder(text.Length);
            using (var writer = XmlWriter.Create(escaped, new XmlWriterSettings { ConformanceLevel = ConformanceLevel.Fragment }))
                writer.WriteString(text);
            return escaped.ToString();
        }
    }
}
