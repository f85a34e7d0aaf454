using System.Buffers;
using System.Text;

namespace AnkiMcp.AnkiConnectEmulator;

/// <summary>The error texts of Python's <c>bytes.decode('utf-8')</c> and <c>json.loads</c>, which the add-on sends back verbatim.</summary>
internal static class PythonJsonSyntax
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Python's <c>json.JSONDecodeError</c> text for <paramref name="text"/>, or null when it is valid JSON.</summary>
    public static string? Error(string text)
    {
        var scanner = new Scanner(text);
        return scanner.Run();
    }

    /// <summary>Python's <c>UnicodeDecodeError</c> text for a body that is not UTF-8.</summary>
    public static string Utf8Error(byte[] body, DecoderFallbackException exception)
    {
        int index = Math.Max(exception.Index, 0);
        byte first = index < body.Length ? body[index] : (byte)0;
        int expected = first switch { >= 0xC2 and <= 0xDF => 2, >= 0xE0 and <= 0xEF => 3, >= 0xF0 and <= 0xF4 => 4, _ => 0 };
        if (expected == 0)
            return $"'utf-8' codec can't decode byte 0x{first:x2} in position {index}: invalid start byte";
        int available = body.Length - index;
        int valid = 1;
        while (valid < expected && valid < available && (body[index + valid] & 0xC0) == 0x80)
            valid++;
        if (valid < expected && valid == available)
        {
            return valid == 1
                ? $"'utf-8' codec can't decode byte 0x{first:x2} in position {index}: unexpected end of data"
                : $"'utf-8' codec can't decode bytes in position {index}-{index + valid - 1}: unexpected end of data";
        }
        return valid == 1
            ? $"'utf-8' codec can't decode byte 0x{first:x2} in position {index}: invalid continuation byte"
            : $"'utf-8' codec can't decode bytes in position {index}-{index + valid - 1}: invalid continuation byte";
    }

    /// <summary>A port of the error paths of CPython's <c>json.decoder</c>/<c>json.scanner</c>.</summary>
    private sealed class Scanner(string s)
    {
        private sealed class Failure(string message) : Exception(message);

        public string? Run()
        {
            try
            {
                int end = Value(SkipWhitespace(0));
                end = SkipWhitespace(end);
                if (end != s.Length)
                    throw Fail("Extra data", end);
                return null;
            }
            catch (Failure f)
            {
                return f.Message;
            }
        }

        private Failure Fail(string message, int position)
        {
            int line = 1;
            int lastNewline = -1;
            for (int i = 0; i < position && i < s.Length; i++)
            {
                if (s[i] == '\n')
                {
                    line++;
                    lastNewline = i;
                }
            }
            return new Failure($"{message}: line {line} column {position - lastNewline} (char {position})");
        }

        private int SkipWhitespace(int i)
        {
            while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\r')
                i++;
            return i;
        }

        private int Value(int i)
        {
            if (i >= s.Length)
                throw Fail("Expecting value", i);
            char c = s[i];
            if (c == '"')
                return String(i + 1);
            if (c == '{')
                return Object(i + 1);
            if (c == '[')
                return Array(i + 1);
            foreach (string literal in (string[])["null", "true", "false", "NaN", "Infinity", "-Infinity"])
            {
                if (string.CompareOrdinal(s, i, literal, 0, literal.Length) == 0)
                    return i + literal.Length;
            }
            return Number(i);
        }

        private int Number(int i)
        {
            int start = i;
            if (i < s.Length && s[i] == '-')
                i++;
            if (i < s.Length && s[i] == '0')
            {
                i++;
            }
            else if (i < s.Length && s[i] is >= '1' and <= '9')
            {
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                    i++;
            }
            else
            {
                throw Fail("Expecting value", start);
            }
            if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
            {
                i += 2;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                    i++;
            }
            if (i < s.Length && s[i] is 'e' or 'E')
            {
                int j = i + 1;
                if (j < s.Length && s[j] is '+' or '-')
                    j++;
                if (j < s.Length && char.IsAsciiDigit(s[j]))
                {
                    while (j < s.Length && char.IsAsciiDigit(s[j]))
                        j++;
                    i = j;
                }
            }
            return i;
        }

        private int String(int i)
        {
            int begin = i - 1;
            while (true)
            {
                if (i >= s.Length)
                    throw Fail("Unterminated string starting at", begin);
                char c = s[i];
                if (c == '"')
                    return i + 1;
                if (c < 0x20)
                    throw Fail("Invalid control character at", i);
                if (c != '\\')
                {
                    i++;
                    continue;
                }
                if (i + 1 >= s.Length)
                    throw Fail("Unterminated string starting at", begin);
                char escape = s[i + 1];
                if (escape == 'u')
                {
                    if (i + 6 > s.Length || s.AsSpan(i + 2, 4).ContainsAnyExcept(HexDigits))
                        throw Fail("Invalid \\uXXXX escape", i);
                    i += 6;
                }
                else if ("\"\\/bfnrt".Contains(escape, StringComparison.Ordinal))
                {
                    i += 2;
                }
                else
                {
                    throw Fail($"Invalid \\escape: {PythonRepr.String(escape.ToString())}", i);
                }
            }
        }

        private int Object(int i)
        {
            i = SkipWhitespace(i);
            if (i < s.Length && s[i] == '}')
                return i + 1;
            while (true)
            {
                if (i >= s.Length || s[i] != '"')
                    throw Fail("Expecting property name enclosed in double quotes", i);
                i = SkipWhitespace(String(i + 1));
                if (i >= s.Length || s[i] != ':')
                    throw Fail("Expecting ':' delimiter", i);
                i = SkipWhitespace(Value(SkipWhitespace(i + 1)));
                if (i < s.Length && s[i] == '}')
                    return i + 1;
                if (i >= s.Length || s[i] != ',')
                    throw Fail("Expecting ',' delimiter", i);
                i = SkipWhitespace(i + 1);
            }
        }

        private int Array(int i)
        {
            i = SkipWhitespace(i);
            if (i < s.Length && s[i] == ']')
                return i + 1;
            while (true)
            {
                i = SkipWhitespace(Value(i));
                if (i < s.Length && s[i] == ']')
                    return i + 1;
                if (i >= s.Length || s[i] != ',')
                    throw Fail("Expecting ',' delimiter", i);
                i = SkipWhitespace(i + 1);
            }
        }
    }
}
