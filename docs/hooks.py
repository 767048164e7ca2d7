"""mkdocs hook: build the site's pages from the notebooks, offline.

Before mkdocs collects its pages, this writes a source folder outside the repository: every notebook of `nbs/`
with nbdev's `#|` directive lines removed and its `#| hide` cells dropped (mkdocs-jupyter renders them, outputs
included, without running them), `nbs/images/`, and one API page per module of `vidgan/` (mkdocstrings). The
navigation follows the reading order: the notebooks' numbers."""
import json, re, shutil, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_directive = re.compile(r'^\s*#\|.*$\n?', re.M)

def _title(nb, fallback):
    for c in nb['cells']:
        if c['cell_type'] == 'markdown':
            m = re.search(r'^# (.+)$', ''.join(c['source']), re.M)
            if m: return m[1].strip()
    return fallback

def clean_notebook(nb:dict) -> dict:
    "A notebook as the site shows it: `#| hide` cells dropped, nbdev's directive lines removed, empty cells dropped"
    cells = []
    for c in nb['cells']:
        src = ''.join(c['source'])
        if c['cell_type'] == 'code':
            if re.search(r'^\s*#\|\s*hide\s*$', src, re.M) or src.startswith('#| default_exp'): continue
            src = _directive.sub('', src)
            if not src.strip() and not c.get('outputs'): continue
        cells.append({**c, 'source': src})
    return {**nb, 'cells': cells}

def on_config(config, **kwargs):
    src = Path(tempfile.mkdtemp(prefix='vidgan-docs-'))
    lessons, appendix = [], []
    for fn in sorted((ROOT/'nbs').rglob('*.ipynb')):
        rel = fn.relative_to(ROOT/'nbs')
        if any(p.startswith(('.', '_')) for p in rel.parts): continue
        nb = clean_notebook(json.loads(fn.read_text(encoding='utf-8')))
        (src/rel).parent.mkdir(parents=True, exist_ok=True)
        (src/rel).write_text(json.dumps(nb), encoding='utf-8')
        if rel.name == 'index.ipynb' and len(rel.parts) == 1: continue
        (appendix if len(rel.parts) > 1 else lessons).append({f'{rel.stem[:2]} {_title(nb, rel.stem)}': str(rel)})
    if (ROOT/'nbs'/'images').exists(): shutil.copytree(ROOT/'nbs'/'images', src/'images')
    api = []
    for mod in sorted((ROOT/'vidgan').glob('*.py')):
        if mod.stem.startswith('_'): continue
        (src/'api').mkdir(exist_ok=True)
        (src/'api'/f'{mod.stem}.md').write_text(f'# vidgan.{mod.stem}\n\n::: vidgan.{mod.stem}\n', encoding='utf-8')
        api.append({f'vidgan.{mod.stem}': f'api/{mod.stem}.md'})
    config['docs_dir'] = str(src)
    config['nav'] = [{'Home': 'index.ipynb'}, {'Lessons': lessons}, *([{'Appendix: the runs': appendix}] if appendix else []),
                     {'API': api}]
    return config
