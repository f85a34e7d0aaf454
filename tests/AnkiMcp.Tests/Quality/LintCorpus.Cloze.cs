using static AnkiMcp.Tests.Quality.LintCorpusCard;

namespace AnkiMcp.Tests.Quality;

internal static partial class LintCorpus
{
    private static LintCorpusCard[] ClozeCards =>
    [
        // Good: the load-bearing term hidden, one to three deletions, the domain named.
        Cloze("In Python, `{{c1::zip}}(a, b)` pairs up the items of two iterables."),
        Cloze("In Git, `git rebase {{c1::--interactive}}` (short `-i`) lets you reorder, squash and edit commits."),
        Cloze("In SQL, rows are filtered before grouping with {{c1::WHERE}} and after grouping with {{c2::HAVING}}."),
        Cloze("In Rust, a value has exactly one {{c1::owner}} at a time."),
        Cloze("The {{c1::mitochondrion}} is the organelle that produces most of a cell's ATP."),
        Cloze("In Spanish, *{{c1::el perro}}* means the dog."),
        Cloze("In C#, `{{c1::await}}` suspends an async method until the task completes."),
        Cloze("In HTTP, status code {{c1::429}} means Too Many Requests."),
        Cloze("The French Revolution began in {{c1::1789}}."),
        Cloze("In Linux, `chmod {{c1::755}} script.sh` gives the owner rwx and everyone else r-x."),
        Cloze("In Go, goroutines communicate through {{c1::channels}}."),
        Cloze("In JavaScript, `{{c1::Array.prototype.flat}}()` flattens nested arrays by one level."),
        Cloze("In Kubernetes, a {{c1::DaemonSet}} runs one pod on every node."),
        Cloze("In German, the preposition *mit* always takes the {{c1::dative}} case."),
        Cloze("In chemistry, the pH of pure water at 25 °C is {{c1::7}}."),
        Cloze("In TypeScript, a value of type `{{c1::unknown}}` must be narrowed before use, unlike `any`."),
        Cloze("In Bash, `set {{c1::-e}}` makes a script exit as soon as a command fails."),
        Cloze("In PostgreSQL, `{{c1::SERIAL}}` is shorthand for an integer column fed by its own sequence."),
        Cloze("In physics, Ohm's law says that voltage equals current times {{c1::resistance}}."),
        Cloze("In music, a {{c1::fermata}} tells the performer to hold a note longer than written."),
        Cloze("The Peace of {{c1::Westphalia}} (1648) ended the Thirty Years' War."),
        Cloze("In Python, leaving a `with open(path) as f:` block calls `f.{{c1::__exit__}}()`, which closes the file."),
        Cloze("In Docker Compose, `docker compose up {{c1::-d}}` starts the services in the background."),
        Cloze("In economics, a tax that takes a smaller share as income rises is called {{c1::regressive}}."),
        Cloze("In Japanese, {{c1::ありがとう}} means thank you."),
        Cloze("In C, memory from `{{c1::malloc}}` must be released with `{{c2::free}}`."),
        Cloze("In Rust, the `{{c1::?}}` operator returns early with the error of a `Result`."),
        Cloze("In anatomy, the {{c1::femur}} is the longest bone of the human body."),
        Cloze("In regular expressions, the quantifier {{c1::`+`}} means one or more."),
        Cloze("In Git, `git {{c1::bisect}}` finds the commit that introduced a bug by binary search."),
        Cloze("Light travels through a vacuum at about {{c1::300,000}} km/s."),
        Cloze("In SQL, `{{c1::COALESCE}}(a, b)` returns the first of its arguments that is not NULL."),
        Cloze("In CSS, `{{c1::z-index::property}}` sets the stacking order of positioned elements."),
        Cloze("In Python:\n```python\ncounts = {{c1::Counter}}(words)\ntop = counts.most_common(3)\n```\nThe class comes from the `{{c2::collections}}` module."),
        Cloze("In Go, a function returns several values as `func f() ({{c1::int, error}})`."),
        Cloze("In Latin, *{{c1::carpe diem}}* means seize the day."),
        Cloze("In Kubernetes, `kubectl {{c1::rollout undo}} deployment/web` returns a Deployment to its previous revision."),
        Cloze("In statistics, the {{c1::median}} is the middle value of sorted data, so outliers barely move it."),

        // Bad: the hidden term is in plain sight, or the hint is the answer.
        Cloze("In Python, `{{c1::enumerate}}` gives index and item pairs: use enumerate in for loops.", "cloze-gives-away"),
        Cloze("In Rust, every value has one {{c1::owner}}; when the owner goes out of scope the value is dropped.", "cloze-gives-away"),
        Cloze("In Git, {{c1::`git commit --amend`::git commit --amend}} rewrites the last commit.", "cloze-gives-away"),
        Cloze("In HTTP, {{c1::404::404 Not Found}} means the server cannot find the resource.", "cloze-gives-away"),
        Cloze("In Python, a list comprehension looks like {{c1::[x for x in items]}}; [x for x in items if x] also filters.", "cloze-gives-away"),
        Cloze("In Kubernetes, a {{c1::Deployment}} manages ReplicaSets; Deployments roll out new versions.", "cloze-gives-away"),
        Cloze("In biology, {{c1::photosynthesis}} turns light into chemical energy; photosynthesis happens in chloroplasts.", "cloze-gives-away"),
        Cloze("In German, *{{c1::der Tisch::Tisch}}* means the table.", "cloze-gives-away"),
        // Written as a good card at first; the linter saw "awaited" giving the term away, rightly.
        Cloze("In C#, `{{c1::await}}` suspends an async method until the awaited task completes.", "cloze-gives-away"),

        // Bad: too many deletions, or one deletion hiding most of the text.
        Cloze("In SQL, {{c1::SELECT}} {{c2::DISTINCT}} removes duplicates, {{c3::ORDER BY}} sorts, {{c4::LIMIT}} caps the rows and {{c5::OFFSET}} skips rows.", "cloze-too-many"),
        Cloze("The {{c1::mitochondria}} {{c2::produce}} {{c3::ATP}} by {{c4::oxidative phosphorylation}}.", "cloze-too-many"),
        Cloze("In Bash, {{c1::`$?`}} is the last exit status, {{c2::`$!`}} the last background PID, {{c3::`$$`}} the shell's PID and {{c4::`$#`}} the argument count.", "cloze-too-many"),
        Cloze("The borrow checker {{c1::ensures references never outlive the data they point to, which prevents use-after-free and makes data races impossible at compile time}}.", "cloze-hides-too-much"),
        Cloze("{{c1::Canberra is the capital of Australia}}.", "cloze-hides-too-much"),
        Cloze("In C#, {{c1::the garbage collector frees objects that are no longer reachable from any root}}.", "cloze-hides-too-much"),
        Cloze("In Git, `git reflog` {{c1::records every position HEAD has had, so you can find and restore commits that no branch points to any more}}.", "cloze-hides-too-much"),
        Cloze("In Python:\n```python\n{{c1::def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)}}\n```", "cloze-hides-too-much"),

        // Bad: orphan context.
        Cloze("{{c1::It}} returns pairs.", "orphan-context"),
        Cloze("This {{c1::method}} must be overridden in every subclass.", "orphan-context"),
        Cloze("As shown above, {{c1::`yield`}} turns a function into a generator.", "orphan-context"),
        Cloze("The keyword {{c1::`let`}} declares a variable.", "orphan-context"),
        Cloze("The function returns {{c1::null}} when the element is missing.", "orphan-context"),
        Cloze("They are stored in the {{c1::heap}}.", "orphan-context"),
        Cloze("Like in the previous example, the loop needs a {{c1::break}} to stop.", "orphan-context"),

        // Bad: code too long for a card.
        Cloze("In Python:\n```python\nimport csv\n\ndef load(path):\n    rows = []\n    with open(path, newline='') as f:\n        reader = csv.{{c1::DictReader}}(f)\n        for row in reader:\n            if row['status'] == 'active':\n                rows.append(row)\n    return rows\n```", "code-too-long"),

        // Bad: duplicates.
        Cloze("In Python, {{c1::`enumerate`}}(items) yields (index, item) pairs.", "duplicate"),
        Cloze("In Spanish, *la mariposa* means {{c1::the butterfly}}.", "duplicate"),
    ];
}
