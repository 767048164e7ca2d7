"Tests of the package as a user meets it: the README's command, the install metadata, imports without notebooks."
import configparser, importlib, re, shlex, subprocess, sys
from pathlib import Path
import pytest, torch

ROOT = Path(__file__).resolve().parent.parent

def readme_commands():
    return re.findall(r'```sh\n(.*?)\n```', (ROOT/'README.md').read_text(), flags=re.S)

def test_readme_main_command_writes_a_captioned_clip(tmp_path):
    "The README's first command ends by making a clip from a caption: run that part; the judge must read the caption in it"
    import imageio.v3 as iio
    from vidgan.core import resize_frames
    from vidgan.metrics import caption_fidelity
    cmd = readme_commands()[0]
    last = cmd.split('&&')[-1].strip()
    m = re.fullmatch(r'vidgan generate "(digit \d is moving (?:up and down|left and right))" -o (\S+\.gif)', last)
    assert m, f"the README's first command should end in vidgan generate \"CAPTION\" -o FILE.gif, not {last!r}"
    caption, fn = m.groups()
    vidgan = Path(sys.executable).parent/'vidgan'                 # the command installed with this environment
    out = subprocess.run([str(vidgan), *shlex.split(last)[1:]], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(f"{fn}: '{caption} .'"), out.stdout
    frames = iio.imread(tmp_path/fn, index=None)
    assert frames.shape[:3] == (16, 128, 128)
    assert frames.max() > 200 and frames.min() == 0            # a bright digit on black
    assert (frames[0] != frames[-1]).any()                      # and it moves
    clip = torch.as_tensor(frames[..., 0] if frames.ndim == 4 else frames).float().div(255)
    assert caption_fidelity(resize_frames(clip[None, :, None], 64), [caption + ' .']) == 1.0   # as the caption says

def test_readme_vidgan_command(tmp_path):
    "The README's `vidgan` line runs from any folder: help, the registry (the judge checks ok) and the judge's eval"
    import json
    out = subprocess.run(['bash', '-c', readme_commands()[2]], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    assert 'generate' in out.stdout and ' ok ' in out.stdout
    rep = json.loads(out.stdout[out.stdout.index('{'):])
    assert rep['sbmg-test']['n'] == 200 and rep['sbmg-test']['motions'] > 0.9 and rep['sbmg-test']['digits'] > 0.9

def test_readme_runs_the_ci():
    assert readme_commands()[1].strip() == 'bash .ci/run'

def test_every_module_imports():
    from vidgan._modidx import d
    mods = {m.split('.')[1] for m in d['syms']}
    assert {'core', 'mnist', 'bouncing'} <= mods
    for m in mods: importlib.import_module(f'vidgan.{m}')

def cfg():
    c = configparser.ConfigParser(delimiters=['=']); c.read(ROOT/'settings.ini'); return c['DEFAULT']

def test_python_versions_agree():
    "min_python must be in setup.py's list of supported versions, and the list must reach this Python"
    src = (ROOT/'setup.py').read_text()
    versions = re.search(r"py_versions = '([^']*)'", src).group(1).split()
    assert cfg()['min_python'] in versions
    assert f'{sys.version_info.major}.{sys.version_info.minor}' in versions[versions.index(cfg()['min_python']):]

def test_runtime_requirements_loose_dev_pinned():
    req, dev = cfg()['requirements'].split(), cfg()['dev_requirements'].split()
    assert not [r for r in req if '==' in r], 'runtime requirements must not pin exact versions'
    assert 'fastai>=2.8.7,<2.9' in req and 'plum-dispatch<2.10' in req and 'torch>=2.4' in req
    assert {'nbdev==2.4.14', 'fastcore==1.14.5', 'fastai==2.8.7'} <= set(dev)

def test_tst_flags():
    assert cfg()['tst_flags'].split() == ['slow', 'cuda']
