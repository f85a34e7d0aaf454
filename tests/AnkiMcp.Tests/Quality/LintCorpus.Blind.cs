using static AnkiMcp.Tests.Quality.LintCorpusCard;

namespace AnkiMcp.Tests.Quality;

internal static partial class LintCorpus
{
    /// <summary>Cards written last, labelled by what they break before the linter ever saw them; their figures are
    /// reported apart, and the README keeps their first, blind score. (Five good cards first written here repeated cards
    /// of the corpus and were replaced by new ones.)</summary>
    public static IReadOnlyList<LintCorpusCard> BlindCards =>
    [
        Basic("In Rust, which keyword makes a variable binding mutable?", "`mut`"),
        Basic("In PostgreSQL, which index type suits full-text search on a `tsvector` column?", "GIN"),
        Basic("In Git, which command undoes a commit by adding a new commit that reverses it?", "`git revert`"),
        Basic("In astronomy, which star is closest to the Sun?", "Proxima Centauri."),
        Basic("In Python, which built-in returns both the quotient and the remainder of a division?", "`divmod`"),
        Basic("In German, what is the plural of *das Kind*?", "*die Kinder*"),

        Basic("Can a Rust struct implement several traits?", "Yes.", "yes-no-question"),
        Basic("In Python, what are the built-in sequence types?", "`list`, `tuple`, `range`, `str` and `bytes`.", "several-facts"),
        Basic("What does that option change?", "It turns off caching.", "orphan-context"),
        Basic("In networking, how does TCP establish a connection?",
            "The client sends SYN, the server answers with SYN-ACK, and the client replies with ACK; after that both sides consider the connection open and can send data in either direction.",
            "several-facts", "answer-too-long"),
        Basic("In HTTP, what does the status code 404 mean?", "Not found.", "duplicate"),
        Basic("As we saw earlier, what does `git stash pop` do?", "Re-applies the latest stash and drops it.", "orphan-context"),

        Cloze("In Rust, `{{c1::Option<T>}}` is either `Some(T)` or `None`."),
        Cloze("In Docker, `docker {{c1::exec}}` runs a command inside a running container."),
        Cloze("In PostgreSQL, `{{c1::COALESCE}}(a, b)` returns the first of its arguments that is not NULL."),
        Cloze("In physics, the SI unit of electrical resistance is the {{c1::ohm}}."),
        Cloze("In Python, `{{c1::functools.lru_cache}}` memoises a function's results."),
        Cloze("In Spanish, *{{c1::el ayuntamiento}}* means the town hall."),

        Cloze("In Python, {{c1::list comprehensions}} are written like `[x for x in xs]`; list comprehensions are often faster than loops.", "cloze-gives-away"),
        Cloze("In SQL, {{c1::HAVING::HAVING}} filters groups after GROUP BY.", "cloze-gives-away"),
        Cloze("In networking, {{c1::TCP}} is {{c2::connection-oriented}}, {{c3::reliable}}, {{c4::ordered}} and {{c5::stream-based}}.", "cloze-too-many"),
        Cloze("In Git, {{c1::a rebase replays your commits one by one on top of another base commit and rewrites their hashes}}.", "cloze-hides-too-much"),
        Cloze("This is done with {{c1::`git commit --amend`}}.", "orphan-context"),
        Cloze("In Python, `{{c1::enumerate}}` yields index and item pairs.", "duplicate"),

        Why("Why does salting password hashes defeat rainbow tables?",
            "each password gets its own random salt → the same password hashes differently for each user → a precomputed table would need one entry per salt"),
        Why("Why can a Rust `Rc<T>` not be shared across threads?",
            "Rc updates its reference count without atomic operations → two threads could change the count at once → a wrong count frees memory still in use, so Rc is not `Send`"),
        Why("Why do interest rate rises lower the price of existing bonds?",
            "new bonds pay the higher rate → older bonds with lower coupons are less attractive → their price falls until their yield matches"),
        Why("Why does a database index slow down inserts?",
            "every insert must also update the index → the index is a separate structure on disk → each insert does extra writes"),
        Why("Why do leaves change colour in autumn?",
            "shorter days make the tree stop producing chlorophyll → the green pigment breaks down → yellow and orange pigments that it hid become visible"),

        Why("Why is Go fast?", "It is compiled.", "why-chain-too-short"),
        Why("Why use Docker?", "portability, isolation, reproducibility", "why-no-causal-link"),
        Why("Why did it crash?", "the pointer was null → dereferencing null is undefined behaviour → the process got SIGSEGV", "orphan-context"),
        Why("Does a CDN reduce latency for distant users?", "content is cached at edge servers → users fetch it from a nearby server → the round trip is shorter", "yes-no-question"),
        Why("Why does ice float on water?",
            "hydrogen bonds hold ice in an open lattice → the lattice is less dense than liquid water → the less dense solid floats", "duplicate"),

        Error("```python\nwith open('data.txt') as f:\n    lines = f.readlines\n```", "`lines = f.readlines()`",
            "Without parentheses `readlines` is the method itself, not its result."),
        Error("```sql\nDELETE FROM sessions WHERE expires < NOW;\n```", "`WHERE expires < NOW()`", "Without parentheses `NOW` is read as a column name, and there is no such column."),
        Error("```c\nchar *name = malloc(strlen(src));\nstrcpy(name, src);\n```", "`malloc(strlen(src) + 1)`", "`strlen` leaves out the terminating NUL, so `strcpy` writes one byte past the buffer."),
        Error("```bash\nfor f in $(ls *.txt); do rm $f; done\n```", "`for f in *.txt; do rm -- \"$f\"; done`", "Parsing `ls` output splits file names with spaces into several words."),
        Error("\"The average salary here is 80,000, so most people earn about that.\"", "Look at the median, not the mean.",
            "A few very high salaries pull the mean up, so most people may earn well below it."),

        Error("```javascript\nlet same = a == b\n```", "```javascript\nlet same = a == b;\n```", "`==` converts types before comparing; `===` does not.", "error-fix-same"),
        Error("```java\npublic class Totals {\n    public static int sum(List<Integer> values) {\n        int total = 0;\n        for (int i = 0; i <= values.size(); i++) {\n            total += values.get(i);\n        }\n        return total;\n    }\n\n    public static void main(String[] args) {\n        System.out.println(sum(List.of(1, 2, 3)));\n    }\n}\n```",
            "`i < values.size()`", "`<=` reads one index past the end, so `get` throws.", "code-too-long"),
        Error("This query returns every row twice.", "Add `DISTINCT`, or fix the join condition.", "The join matches each row with two others.", "orphan-context"),
        Error("```python\nx = [] * 3\n```", "`x = [0] * 3`",
            "Multiplying an empty list repeats nothing. The result is still empty. Any index into it raises IndexError. Put the element in the list first.",
            "answer-too-long"),
        Error("```python\nfor item in items:\n    if item.expired:\n        items.remove(item)\n```", "`items = [item for item in items if not item.expired]`",
            "Removing from a list while iterating over it shifts the items, so the loop skips some.", "duplicate"),
    ];
}
