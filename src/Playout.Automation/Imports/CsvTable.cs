using System.Text;

namespace Playout.Automation.Imports;

/// <summary>One CSV record and the line it starts on (a quoted cell may span lines).</summary>
internal sealed record CsvRow(int Line, IReadOnlyList<string> Cells);

/// <summary>
/// RFC 4180 CSV: cells separated by ',' (or ';' or a tab, when the header line has no comma but one of those),
/// quoted with '"' and "" inside quotes. Blank lines are skipped.
/// </summary>
internal static class CsvTable
{
    /// <summary>The records, header first; null after reporting a quote left open.</summary>
    public static List<CsvRow>? Read(string text, ImportProblems problems)
    {
        char separator = Separator(text);
        var rows = new List<CsvRow>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        int line = 1, rowLine = 1;
        bool quoted = false, quotedCell = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    cell.Append(text[++i]);
                else if (c == '"')
                    quoted = false;
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0 && !quotedCell)
                (quoted, quotedCell) = (true, true);
            else if (c == separator)
            {
                cells.Add(cell.ToString());
                (cell.Length, quotedCell) = (0, false);
            }
            else if (c == '\n')
            {
                EndRow(rows, cells, cell, rowLine);
                quotedCell = false;
                rowLine = ++line;
            }
            else if (c != '\r')
                cell.Append(c);
        }
        if (quoted)
        {
            problems.Error(new SourceSpot(rowLine), "a quoted cell is never closed (a '\"' is missing)");
            return null;
        }
        EndRow(rows, cells, cell, rowLine);
        return rows;
    }

    private static void EndRow(List<CsvRow> rows, List<string> cells, StringBuilder cell, int line)
    {
        cells.Add(cell.ToString());
        cell.Length = 0;
        if (cells.Count > 1 || cells[0].Trim().Length > 0)
            rows.Add(new CsvRow(line, cells.ToArray()));
        cells.Clear();
    }

    private static char Separator(string text)
    {
        var header = text.AsSpan(0, text.IndexOf('\n') is int end and >= 0 ? end : text.Length);
        if (header.Contains(','))
            return ',';
        return header.Contains(';') ? ';' : header.Contains('\t') ? '\t' : ',';
    }
}
