using static AnkiMcp.Tests.Quality.LintCorpusCard;

namespace AnkiMcp.Tests.Quality;

internal static partial class LintCorpus
{
    private static LintCorpusCard[] WhyCards =>
    [
        // Good: one mechanism, a chain of 2–4 steps from cause to effect.
        Why("Why does adding an index speed up reads but slow down writes in PostgreSQL?",
            "an index is a separate B-tree kept in sync with the table → reads can find rows without a full scan → every INSERT/UPDATE/DELETE must also update the tree"),
        Why("Why does TCP slow-start make short downloads slower than the link allows?",
            "a new connection starts with a small congestion window → the window doubles only once per round trip → a short transfer ends before the window reaches the link's capacity"),
        Why("Why can't you use a Rust `String` after `let b = a;`?",
            "String owns heap memory → assignment moves ownership to b → a is invalidated so the memory is freed exactly once"),
        Why("Why do leaves of deciduous trees turn yellow in autumn?",
            "shorter days make the tree stop producing chlorophyll → the green pigment breaks down → the yellow carotenoids that were there all along show"),
        Why("Why does an unhandled exception in a C# `async void` method crash the process?",
            "an async void method returns no Task → the caller has nothing to await or observe → the exception is rethrown on the synchronization context, where nothing catches it"),
        Why("Why does a Git rebase change the hashes of the rebased commits?",
            "a commit's hash covers its parent's hash → rebasing gives each commit a new parent → so each rebased commit gets a new hash"),
        Why("Why does raising interest rates tend to lower inflation?",
            "borrowing gets more expensive → households and firms spend and invest less → lower demand eases the pressure on prices"),
        Why("Why does a JavaScript closure keep variables alive after the outer function returns?",
            "the inner function holds a reference to the outer scope → the garbage collector keeps whatever is still referenced → so the outer variables live as long as the closure"),
        Why("Why do hash table lookups degrade to O(n) with a bad hash function?",
            "a bad hash sends many keys to the same bucket → that bucket becomes a long list → a lookup must scan the list"),
        Why("Why is `SELECT *` slower than selecting only the columns a covering index holds?",
            "the index holds only some columns → `*` asks for all of them → the database must also read every matching row from the table"),
        Why("Why does the Moon always show the same face to Earth?",
            "Earth's gravity raised tidal bulges on the Moon → the pull on those bulges slowed its spin → the spin locked to one rotation per orbit"),
        Why("Why does a Go program deadlock when it sends on an unbuffered channel that no goroutine reads?",
            "an unbuffered send waits until a receiver takes the value\n→ no goroutine ever receives\n→ the runtime sees every goroutine blocked and stops with a deadlock"),
        Why("Why does salt lower the freezing point of water?",
            "dissolved ions get between the water molecules → the molecules lock into the ice lattice less easily → the water must be colder before it freezes"),
        Why("Why do antibiotics not work against viruses?",
            "antibiotics hit bacterial structures such as cell walls and bacterial ribosomes → viruses have no cell wall and use the host's ribosomes → the drug has nothing to hit"),
        Why("Why does Python's GIL keep CPU-bound threads from speeding up a program?",
            "only the thread holding the GIL may run Python bytecode → threads take turns instead of running in parallel → CPU-bound work gains nothing from more threads"),
        Why("Why does a DNS change take hours to reach every user?",
            "resolvers cache answers for the record's TTL → they serve the old answer until it expires → users see the change only as their resolver's cache expires"),
        Why("Why does `git pull` sometimes create a merge commit?",
            "pull fetches, then merges the remote branch → when both sides have new commits the histories have diverged → a merge commit joins them"),
        Why("Why did the fall of Constantinople in 1453 push Europeans to look for sea routes to Asia?",
            "the Ottomans controlled the overland trade routes → spices became scarcer and dearer in Europe → a sea route around them paid off"),
        Why("Why does React re-render a child component when its parent re-renders?",
            "rendering the parent calls its function again → that creates new child elements → React renders each child unless it is memoized with unchanged props"),
        Why("Why doesn't a C# method see its changes to a `struct` argument reflected in the caller?",
            "structs are value types → the argument is a copy → the method changes the copy, not the caller's value"),
        Why("Why does compound interest grow faster than simple interest?",
            "interest is added to the principal → the next period's interest is computed on the larger sum → so the growth itself grows"),
        Why("Why can a Rust `Rc<T>` cycle leak memory?",
            "each `Rc` keeps a strong count → in a cycle every node is held by another → no count ever reaches zero, so nothing is dropped"),
        Why("Why does living at high altitude raise the red blood cell count?",
            "- less oxygen reaches the kidneys\n- they release more erythropoietin (EPO)\n- EPO makes the bone marrow produce more red blood cells"),
        Why("Why do SSDs slow down when they are nearly full?",
            "flash is erased only in large blocks → the drive must move live data out before erasing a block → with little free space it does that on almost every write"),
        Why("Why does an HTTPS site with an expired certificate show a browser warning?",
            "the browser checks the certificate's validity dates → an expired certificate can no longer vouch for the server's key → so the browser cannot prove it talks to the real site")
            .WithExtra("Let's Encrypt certificates last 90 days; renew them automatically."),
        Why("Why does overfitting make a model worse on new data?",
            "the model learns the noise of the training set as if it were signal → the noise does not repeat in new data → predictions built on it miss"),

        // Bad: the chain is a list of terms, not causes.
        Why("Why is Rust memory safe?", "ownership, borrowing, lifetimes, the borrow checker, no GC, no null, RAII…", "why-no-causal-link"),
        Why("Why do teams use Docker?", "Containers, images, reproducibility, isolation.", "why-no-causal-link"),
        Why("Why is PostgreSQL popular?", "- ACID transactions\n- extensions\n- JSONB\n- a permissive licence", "why-no-causal-link"),
        Why("Why do Kubernetes clusters need an ingress controller?", "routing, TLS termination, load balancing, virtual hosts", "why-no-causal-link"),

        // Bad: fewer than two steps.
        Why("Why does `let b = a;` move a String in Rust?", "because a String is moved on assignment.", "why-chain-too-short"),
        Why("Why is CPython slower than C for tight loops?", "It is interpreted.", "why-chain-too-short"),
        Why("Why do TCP connections start with a handshake?", "To synchronise sequence numbers.", "why-chain-too-short"),
        Why("Why is the sky blue?", "Rayleigh scattering.", "why-chain-too-short"),
        Why("Why do databases need indexes?", "Speed.", "why-chain-too-short"),
        Why("Why do Python sets look items up in constant time?", "They are hash tables.", "why-chain-too-short"),

        // Bad: orphan context.
        Why("Why does this happen?", "because of the cache.", "orphan-context", "why-chain-too-short"),
        Why("Why does the loop above never end?", "i is never incremented → the condition stays true → the loop runs forever", "orphan-context"),
        Why("Why does it fail on the second run?", "the first run leaves the file locked → the second run cannot open it for writing", "orphan-context"),
        Why("Why does the function return early?", "the guard clause sees an empty list → it returns before the loop → nothing is processed", "orphan-context"),

        // Bad: a yes/no question where the mechanism should be asked.
        Why("Does caching in Redis improve read latency?", "reads hit memory → no disk access → lower latency", "yes-no-question"),
        Why("Is a Git rebase dangerous on shared branches?",
            "rebasing rewrites commit hashes → others' branches still point at the old commits → their next pull duplicates or conflicts", "yes-no-question"),

        // Bad: a chain far longer than 2–4 short steps.
        Why("Why does the JVM pause the application during a full garbage collection?",
            "the heap fills up → a minor collection cannot free enough → the JVM starts a full collection → it must find every live object → application threads could change references while it looks → so they are stopped at a safepoint → marking and compaction run → only then do the threads resume",
            "answer-too-long"),
        Why("Why does a bank run make a solvent bank fail?",
            "banks lend out most deposits and keep only a fraction as cash reserves, because lending is how they earn money and regulators only require a small reserve ratio → when many depositors demand their money at the same time, the bank has to sell long-term assets such as loans and bonds quickly at fire-sale prices, which turns losses on paper into real losses that can exceed its capital",
            "answer-too-long"),

        // Bad: a whole program in the extra, where the two lines that matter get lost.
        Why("Why does removing items from a Python list while looping over it skip some of them?",
            "the loop walks the list by index → removing an item shifts the later items one place left → the next index passes over the item that moved into the gap",
            "code-too-long").WithExtra("```python\nimport json\n\ndef prune(path):\n    with open(path) as f:\n        orders = json.load(f)\n    for order in orders:\n        if order['status'] == 'cancelled':\n            orders.remove(order)\n    with open(path, 'w') as f:\n        json.dump(orders, f)\n    return len(orders)\n```"),

        // Bad: duplicates.
        Why("Why does a Python default argument like `def f(x=[])` keep items between calls?",
            "defaults are evaluated once, when `def` runs → the same list is stored on the function → every call that omits x mutates that one list", "duplicate"),
        Why("Why does ice float on top of liquid water?",
            "hydrogen bonds hold ice in an open hexagonal lattice → the lattice is less dense than liquid water → the less dense solid floats", "duplicate"),
    ];
}
