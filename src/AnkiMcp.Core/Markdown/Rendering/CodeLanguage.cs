namespace AnkiMcp.Core.Markdown.Rendering;

/// <summary>What the highlighter needs to know about a language family: comment and string syntax and word classes.
/// Token classes are Pygments' short names (k keyword, kt type, kc constant, nb builtin, nf function, nd decorator,
/// s string, c comment, m number, nt tag, na attribute), styled by <c>SyntaxHighlighting.css</c>.</summary>
internal sealed record CodeLanguage(
    IReadOnlyList<string> LineComments,
    (string Open, string Close)? BlockComment,
    string Quotes,
    bool TripleQuotes,
    IReadOnlySet<string> Keywords,
    IReadOnlySet<string> Types,
    IReadOnlySet<string> Constants,
    IReadOnlySet<string> Builtins,
    bool CaseInsensitive = false,
    char DecoratorPrefix = '\0',
    bool Markup = false)
{
    private static HashSet<string> Words(string words, bool caseInsensitive = false) =>
        new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), caseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    private static readonly CodeLanguage s_cFamily = new(["//"], ("/*", "*/"), "\"'", false,
        Words("if else for while do switch case default break continue return goto sizeof typedef struct union enum static extern const volatile inline register auto namespace using class public private protected virtual override template typename new delete this throw try catch noexcept constexpr operator friend explicit mutable"),
        Words("int long short char float double void bool unsigned signed size_t uint8_t uint16_t uint32_t uint64_t int8_t int16_t int32_t int64_t wchar_t string"),
        Words("true false NULL nullptr"), Words("printf malloc free std cout cin endl"), DecoratorPrefix: '#');

    private static readonly CodeLanguage s_csharp = new(["//"], ("/*", "*/"), "\"'", false,
        Words("abstract as async await base break case catch checked class const continue default delegate do else enum event explicit extern finally fixed for foreach get goto if implicit in init interface internal is lock namespace new operator out override params partial private protected public readonly record ref required return sealed set sizeof stackalloc static struct switch this throw try typeof unchecked unsafe using var virtual volatile when where while with yield file scoped not and or"),
        Words("bool byte char decimal double float int long nint nuint object sbyte short string uint ulong ushort void dynamic Task ValueTask List Dictionary IEnumerable Span ReadOnlySpan"),
        Words("true false null"), Words("Console Math String Array Enumerable nameof"));

    private static readonly CodeLanguage s_java = new(["//"], ("/*", "*/"), "\"'", false,
        Words("abstract assert break case catch class const continue default do else enum extends final finally for goto if implements import instanceof interface native new package private protected public return static strictfp super switch synchronized this throw throws transient try volatile while var record sealed permits yield fun val when object companion data open override lateinit suspend is in as typealias init"),
        Words("boolean byte char double float int long short void String Integer Long Double Boolean Object List Map Set Unit Any Int"),
        Words("true false null"), Words("System println"), DecoratorPrefix: '@');

    private static readonly CodeLanguage s_javascript = new(["//"], ("/*", "*/"), "\"'`", false,
        Words("async await break case catch class const continue debugger default delete do else export extends finally for from function if import in instanceof let new of return static super switch this throw try typeof var void while with yield as interface type enum implements namespace declare readonly abstract public private protected keyof"),
        Words("number string boolean any unknown never object symbol bigint Promise Array Map Set Record"),
        Words("true false null undefined NaN Infinity"), Words("console document window JSON Math Object require module"), DecoratorPrefix: '@');

    private static readonly CodeLanguage s_go = new(["//"], ("/*", "*/"), "\"'`", false,
        Words("break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var"),
        Words("bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr any"),
        Words("true false nil iota"), Words("append cap close copy delete len make new panic print println recover fmt"));

    private static readonly CodeLanguage s_rust = new(["//"], ("/*", "*/"), "\"", false,
        Words("as async await break const continue crate dyn else enum extern fn for if impl in let loop match mod move mut pub ref return self Self static struct super trait type unsafe use where while"),
        Words("bool char f32 f64 i8 i16 i32 i64 i128 isize str u8 u16 u32 u64 u128 usize String Vec Option Result Box"),
        Words("true false None Some Ok Err"), Words("println print format vec panic assert assert_eq"), DecoratorPrefix: '#');

    private static readonly CodeLanguage s_python = new(["#"], null, "\"'", true,
        Words("and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case"),
        Words("int float str bool list dict set tuple bytes object type complex frozenset"),
        Words("True False None self cls"), Words("print len range enumerate zip map filter open super isinstance sorted sum min max abs any all repr iter next"), DecoratorPrefix: '@');

    private static readonly CodeLanguage s_ruby = new(["#"], null, "\"'", false,
        Words("alias and begin break case class def defined do else elsif end ensure for if in module next not or redo rescue retry return super then undef unless until when while yield require attr_accessor"),
        Words(""), Words("true false nil self"), Words("puts print p raise"), DecoratorPrefix: ':');

    private static readonly CodeLanguage s_shell = new(["#"], null, "\"'", false,
        Words("if then else elif fi case esac for while until do done in function return select export local readonly set unset shift source"),
        Words(""), Words("true false"), Words("echo cd ls cat grep sed awk find git dotnet sudo mkdir rm cp mv chmod curl printf read test exit"), DecoratorPrefix: '$');

    private static readonly CodeLanguage s_sql = new(["--"], ("/*", "*/"), "'\"", false,
        Words("select from where insert into values update set delete create table drop alter add column index primary key foreign references join inner left right outer full on group by order having limit offset distinct union all as and or not in is like between case when then else end exists with returning begin commit rollback transaction view trigger unique default check constraint asc desc", true),
        Words("int integer bigint smallint text varchar char boolean real float double numeric decimal date time timestamp blob serial", true),
        Words("null true false", true), Words("count sum avg min max coalesce length substr upper lower now", true), CaseInsensitive: true);

    private static readonly CodeLanguage s_haskell = new(["--"], ("{-", "-}"), "\"", false,
        Words("case class data deriving do else if import in infix infixl infixr instance let module newtype of then type where forall"),
        Words("Int Integer Float Double Bool Char String Maybe Either IO"), Words("True False Nothing Just Left Right"), Words("map filter foldr foldl print putStrLn show return"));

    private static readonly CodeLanguage s_lua = new(["--"], null, "\"'", false,
        Words("and break do else elseif end for function goto if in local not or repeat return then until while"),
        Words(""), Words("true false nil"), Words("print pairs ipairs require table string math"));

    private static readonly CodeLanguage s_data = new(["#"], null, "\"'", false,
        Words(""), Words(""), Words("true false null yes no on off ~"), Words(""));

    private static readonly CodeLanguage s_markup = new([], ("<!--", "-->"), "\"'", false,
        Words(""), Words(""), Words(""), Words(""), Markup: true);

    private static readonly CodeLanguage s_css = new([], ("/*", "*/"), "\"'", false,
        Words("important media import from to"), Words(""), Words(""), Words(""), DecoratorPrefix: '@');

    private static readonly Dictionary<string, CodeLanguage> s_byName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["c"] = s_cFamily, ["h"] = s_cFamily, ["cpp"] = s_cFamily, ["c++"] = s_cFamily, ["cc"] = s_cFamily, ["hpp"] = s_cFamily, ["objc"] = s_cFamily,
        ["csharp"] = s_csharp, ["cs"] = s_csharp, ["c#"] = s_csharp,
        ["java"] = s_java, ["kotlin"] = s_java, ["kt"] = s_java, ["scala"] = s_java, ["groovy"] = s_java, ["dart"] = s_java, ["swift"] = s_java,
        ["javascript"] = s_javascript, ["js"] = s_javascript, ["jsx"] = s_javascript, ["mjs"] = s_javascript,
        ["typescript"] = s_javascript, ["ts"] = s_javascript, ["tsx"] = s_javascript, ["php"] = s_javascript,
        ["go"] = s_go, ["golang"] = s_go,
        ["rust"] = s_rust, ["rs"] = s_rust,
        ["python"] = s_python, ["py"] = s_python, ["python3"] = s_python,
        ["ruby"] = s_ruby, ["rb"] = s_ruby,
        ["bash"] = s_shell, ["sh"] = s_shell, ["shell"] = s_shell, ["zsh"] = s_shell, ["console"] = s_shell, ["powershell"] = s_shell, ["ps1"] = s_shell,
        ["sql"] = s_sql, ["sqlite"] = s_sql, ["postgresql"] = s_sql, ["mysql"] = s_sql,
        ["haskell"] = s_haskell, ["hs"] = s_haskell, ["elm"] = s_haskell,
        ["lua"] = s_lua,
        ["yaml"] = s_data, ["yml"] = s_data, ["toml"] = s_data, ["ini"] = s_data, ["json"] = s_data, ["jsonc"] = s_data,
        ["html"] = s_markup, ["xml"] = s_markup, ["svg"] = s_markup, ["xaml"] = s_markup, ["csproj"] = s_markup, ["vue"] = s_markup,
        ["css"] = s_css, ["scss"] = s_css, ["less"] = s_css,
    };

    /// <summary>The language named by a fence's info string, or null for an unknown language (code is then only escaped).</summary>
    public static CodeLanguage? Find(string name) => s_byName.GetValueOrDefault(name);
}
