"""The course's rules, checked on every notebook: a chapter reads as a lesson (its size, its prose cells), keeps no saved
error, imports only earlier chapters' modules (so the import graph has no circle), and shows no file only its author has."""
import json, re
from pathlib import Path
import pytest

NBS = Path(__file__).resolve().parent.parent/'nbs'
LESSONS = sorted(NBS.glob('[0-9][0-9]_*.ipynb'))
MAX_WORDS, MAX_CELL = 5000, 400

def cells(fn): return json.loads(fn.read_text(encoding='utf-8'))['cells']
def text(c): return ''.join(c['source'])
def words(s): return len(re.sub(r'\$[^$]*\$|`[^`]*`|<[^>]+>', ' ', s).split())     # prose words: equations, code and tags aside

def module_of(fn):
    m = re.search(r'^#\|\s*default_exp\s+(\S+)', '\n'.join(text(c) for c in cells(fn)), re.M)
    return m and m[1]

ORDER = {module_of(fn): int(fn.name[:2]) for fn in LESSONS if module_of(fn)}

@pytest.mark.parametrize('fn', LESSONS, ids=lambda f: f.stem)
def test_a_chapter_is_a_lesson(fn):
    prose = [words(text(c)) for c in cells(fn) if c['cell_type'] == 'markdown']
    assert sum(prose) <= MAX_WORDS, f"{fn.name}: {sum(prose)} words of prose, more than {MAX_WORDS}: move the record of runs to nbs/appendix/"
    assert max(prose, default=0) <= MAX_CELL, f"{fn.name}: a prose cell of {max(prose)} words, more than {MAX_CELL}: split it"

@pytest.mark.parametrize('fn', sorted(NBS.rglob('*.ipynb')), ids=lambda f: str(f.relative_to(NBS)))
def test_no_saved_errors_and_no_private_files(fn):
    for c in cells(fn):
        for o in c.get('outputs', []):
            assert o.get('output_type') != 'error', f"{fn.name}: a saved error ({o.get('ename')}): re-run the cell, or clear it"
            assert 'Traceback (most recent call last)' not in ''.join(o.get('text', '')), f"{fn.name}: a saved traceback"
        # a cell that loads a training checkpoint from runs/ works only on its author's machine: a lesson never runs one;
        # an appendix keeps such a cell as a record only, not run (`#| eval: false`), its saved output what the run showed
        loads = re.findall(r"""(?:load\w*|WGANSampler\.load|resume=)\(?\s*['"](?:\.\./)+runs/[^'"]+['"]""", text(c))
        if 'appendix' in fn.parts and re.search(r'^#\|\s*eval:\s*false', text(c), re.M): continue
        assert not loads, f"{fn.name}: {loads[0]}...: show the committed log or a shipped checkpoint, or train what it shows first"

def imports(fn):
    "The vidgan modules that the exported cells of notebook `fn` import, at the top or inside functions"
    src = '\n'.join(text(c) for c in cells(fn) if c['cell_type'] == 'code' and re.match(r'\s*#\|\s*export', text(c)))
    found = set(re.findall(r'^\s*from (?:vidgan)?\.(\w+) import', src, re.M)) | set(re.findall(r'^\s*(?:from|import) vidgan\.(\w+)', src, re.M))
    for names in re.findall(r'^\s*from vidgan import ([\w, ]+)$', src, re.M): found |= {n.strip() for n in names.split(',')}
    return found

@pytest.mark.parametrize('fn', [f for f in LESSONS if module_of(f)], ids=lambda f: f.stem)
def test_reading_order_is_import_order(fn):
    me = ORDER[module_of(fn)]
    later = {m: ORDER[m] for m in imports(fn) if m in ORDER and ORDER[m] >= me and m != module_of(fn)}
    assert not later, f"{fn.name} (module {module_of(fn)}) imports modules of later chapters: {later}"

def test_the_rules_can_fail(tmp_path):
    "The checks above on a notebook made to break them"
    assert words('one two `code here` $x^2$ three') == 3
    bad = tmp_path/'00_core.ipynb'
    code = lambda s: dict(cell_type='code', source=s, outputs=[])
    bad.write_text(json.dumps(dict(cells=[code('#| default_exp core'), code('#| export\nfrom vidgan.metrics import judge_clips'),
                                          code('#| export\ndef f():\n    from vidgan.cli import main\n    import vidgan.bench')])))
    assert module_of(bad) == 'core' and imports(bad) == {'metrics', 'cli', 'bench'}
    assert all(ORDER[m] > ORDER['core'] for m in imports(bad))        # what test_reading_order_is_import_order refuses

def test_the_readme_shows_every_shipped_model():
    "Every model that ships (the judge aside) has its picture in the home page's table, a small committed file"
    import sys; sys.path.insert(0, str(NBS.parent))
    from vidgan.registry import registry
    home = '\n'.join(text(c) for c in cells(NBS/'index.ipynb'))
    for name, e in registry().items():
        if e['kind'] == 'judge': continue
        row = next((l for l in home.splitlines() if l.startswith(f'| `{name}`')), None)
        assert row, f"index.ipynb's table has no row for the shipped model {name!r}"
        img = re.search(r'!\[\]\((images/[^)]+)\)', row)
        assert img and (NBS/img[1]).is_file(), f"{name}: no picture in nbs/images/ for its row"
        assert (NBS/img[1]).stat().st_size < 400_000, f"{img[1]} is large: keep the README's pictures small"
