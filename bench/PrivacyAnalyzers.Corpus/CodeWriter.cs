using System.Text;

namespace PrivacyAnalyzers.Corpus;

/// <summary>Writes C# line by line with indentation, counting lines as it goes.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder text = new();
    private int indent;

    public int Lines { get; private set; }

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            this.text.Append(' ', this.indent * 4).Append(line);
        }

        this.text.Append('\n');
        this.Lines++;
        return this;
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace, and indents.</summary>
    public CodeWriter Open(string header)
    {
        this.Line(header);
        this.Line("{");
        this.indent++;
        return this;
    }

    /// <summary>Unindents and writes a closing brace followed by <paramref name="suffix"/>.</summary>
    public CodeWriter Close(string suffix = "")
    {
        this.indent--;
        this.Line("}" + suffix);
        return this;
    }

    public override string ToString() => this.text.ToString();
}
