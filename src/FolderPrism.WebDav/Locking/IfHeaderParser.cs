namespace FolderPrism.WebDav.Locking;

/// <summary>
/// Parses RFC 4918 §10.4 <c>If</c> headers (tagged and untagged lists, <c>Not</c>, state tokens, entity tags). A
/// bounded hand-written scanner: no regex backtracking, a cap on lists and conditions, null on any syntax error.
/// </summary>
public static class IfHeaderParser
{
    private const int MaxConditions = 256;

    public static IReadOnlyList<IfList>? Parse(string header)
    {
        var lists = new List<IfList>();
        string? tag = null;
        var i = 0;
        var count = 0;
        while (true)
        {
            SkipSpace(header, ref i);
            if (i >= header.Length)
            {
                break;
            }

            if (header[i] == '<')
            {
                tag = ReadUntil(header, ref i, '<', '>');
                if (tag is null)
                {
                    return null;
                }

                continue;
            }

            if (header[i] != '(')
            {
                return null;
            }

            i++;
            var conditions = new List<IfCondition>();
            while (true)
            {
                SkipSpace(header, ref i);
                if (i >= header.Length || ++count > MaxConditions)
                {
                    return null;
                }

                if (header[i] == ')')
                {
                    i++;
                    break;
                }

                var not = false;
                if (string.CompareOrdinal(header, i, "Not", 0, 3) == 0)
                {
                    not = true;
                    i += 3;
                    SkipSpace(header, ref i);
                }

                if (i >= header.Length)
                {
                    return null;
                }

                if (header[i] == '<')
                {
                    var token = ReadUntil(header, ref i, '<', '>');
                    if (token is null)
                    {
                        return null;
                    }

                    conditions.Add(new IfCondition(not, token, null));
                }
                else if (header[i] == '[')
                {
                    var etag = ReadUntil(header, ref i, '[', ']');
                    if (etag is null)
                    {
                        return null;
                    }

                    conditions.Add(new IfCondition(not, null, etag.Trim()));
                }
                else
                {
                    return null;
                }
            }

            if (conditions.Count == 0)
            {
                return null;
            }

            lists.Add(new IfList(tag, conditions));
        }

        return lists.Count == 0 ? null : lists;
    }

    private static void SkipSpace(string s, ref int i)
    {
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t'))
        {
            i++;
        }
    }

    private static string? ReadUntil(string s, ref int i, char open, char close)
    {
        if (s[i] != open)
        {
            return null;
        }

        var end = s.IndexOf(close, i + 1);
        if (end < 0)
        {
            return null;
        }

        var value = s[(i + 1)..end];
        i = end + 1;
        return value;
    }
}
