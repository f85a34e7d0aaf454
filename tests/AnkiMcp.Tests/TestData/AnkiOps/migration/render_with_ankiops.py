"""Makes anki.json: the note types and the notes of this folder's deck files as AnkiOps 0.6.6's files-to-anki puts
them into Anki.

Provenance of the fixture, not part of the build. Run with AnkiOps' package importable (its source tree on
PYTHONPATH, with mistune 3.2 and Pygments 2.20 as AnkiOps pins them):
    python3 render_with_ankiops.py > anki.json
Each note type: its Anki name, fields (AnkiOps adds AnkiOps Key last), templates and CSS as AnkiOps' loader makes them. Each note:
its deck, its note type, every labelled field rendered by AnkiOps' MarkdownToHTML ("" when the note does not write it)
plus the AnkiOps Key field, and its tags.
"""

import json
from dataclasses import replace
import sys
from pathlib import Path

from ankiops.collection import file_stem_to_deck_name
from ankiops.markdown import read_deck_file
from ankiops.markdown_to_html import MarkdownToHTML
from ankiops.note_types import load_note_types

here = Path(__file__).parent
note_types_dir = here.parent / "note_types"
converter = MarkdownToHTML()
sources = [(here, "")] + [(path, f"collab/{path.parent.name}/{path.name}/") for path in sorted(here.glob("collab/*/*"))]
note_types = []
notes = []
for root, prefix in sources:
    types = [replace(type_, name=prefix + type_.name) for type_ in load_note_types(note_types_dir)]
    for type_ in types:
        note_types.append({
            "name": type_.name,
            "fields": [field.name for field in type_.fields],
            "isCloze": type_.is_cloze,
            "templates": [template.as_anki_dict() for template in type_.templates],
            "css": type_.css,
        })
    by_name = {type_.name: type_ for type_ in types}
    for deck_file in sorted(root.glob("*.md")):
        for note in read_deck_file(deck_file, note_types=types).notes:
            fields = {}
            for field in by_name[note.note_type].fields:
                if field.label is not None:
                    fields[field.name] = converter.convert(note.fields.get(field.name, ""))
            fields["AnkiOps Key"] = note.note_key
            notes.append({
                "deck": file_stem_to_deck_name(deck_file.stem),
                "noteType": note.note_type,
                "fields": fields,
                "tags": list(note.tags),
            })
json.dump({"noteTypes": note_types, "notes": notes}, sys.stdout, ensure_ascii=False, indent=1)
print()
