"""Write README.md from nbs/index.ipynb (markdown cells as they are, code cells as Python blocks).
nbdev_readme needs Quarto, which cannot be installed offline; this keeps README.md generated from the notebook.
Usage: python .ci/readme.py [--check]   (--check: exit 1 if README.md is out of date)"""
import json, sys
from pathlib import Path
root = Path(__file__).resolve().parent.parent
nb = json.loads((root/'nbs'/'index.ipynb').read_text(encoding='utf-8'))
parts = ['<!-- generated from nbs/index.ipynb by .ci/readme.py: edit the notebook, not this file -->']
for c in nb['cells']:
    src = ''.join(c['source']).strip()
    if not src or src.startswith('#| hide'): continue
    parts.append(src if c['cell_type'] == 'markdown' else f'```python\n{src}\n```')
text = '\n\n'.join(parts) + '\n'
# images sit in nbs/images/: absolute addresses, so that they show on GitHub and on the package's PyPI page too
text = text.replace('](images/', '](https://raw.githubusercontent.com/vidgan/vidgan/main/nbs/images/')
readme = root/'README.md'
if '--check' in sys.argv:
    if not readme.exists() or readme.read_text(encoding='utf-8') != text:
        sys.exit('README.md is out of date with nbs/index.ipynb: run `python .ci/readme.py` and commit it')
else: readme.write_text(text, encoding='utf-8')
