"The documentation site: `mkdocs build --strict` renders the executed notebooks offline; headless Chromium opens a chapter and sees its clips play."
import os, socket, subprocess, sys, time, functools, threading
from http.server import ThreadingHTTPServer, SimpleHTTPRequestHandler
from pathlib import Path
import numpy as np, pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path('/usr/bin/chromium')        # Debian's chromium: `.ci/run` installs it with apt-get

@pytest.fixture(scope='module')
def site(tmp_path_factory):
    "The built site: `site/` when `.ci/run` built it just before, else built here"
    if (ROOT/'site'/'index.html').exists() and os.environ.get('VIDGAN_SITE_BUILT'): return ROOT/'site'
    out = tmp_path_factory.mktemp('site')
    r = subprocess.run([sys.executable, '-m', 'mkdocs', 'build', '--strict', '-d', str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    return out

def test_every_lesson_is_a_page(site):
    lessons = sorted(p.stem for p in (ROOT/'nbs').glob('[0-9][0-9]_*.ipynb'))
    for name in lessons:
        html = (site/f'{name}.html').read_text(encoding='utf-8')
        assert '#| export' not in html and '#| hide' not in html, name     # nbdev's directives are not for readers
    mods = sorted(p.stem for p in (ROOT/'vidgan').glob('*.py') if not p.stem.startswith('_'))
    for m in mods: assert (site/'api'/f'{m}.html').exists(), m
    assert 'motion_stats' in (site/'api'/'metrics.html').read_text(encoding='utf-8')              # the API page documents the module
    assert (site/'02_bouncing.html').read_text(encoding='utf-8').count('data:image/gif;base64,') >= 3   # the clips are in the page

@pytest.fixture
def served(site):
    "The site served over HTTP on 127.0.0.1 (a free port), as `python -m http.server` would"
    srv = ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(SimpleHTTPRequestHandler, directory=str(site)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try: yield f'http://127.0.0.1:{srv.server_address[1]}/'
    finally: srv.shutdown(); srv.server_close()

@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: `apt-get install chromium` (.ci/run does)")
def test_a_chapter_plays_its_clips_in_a_browser(served, tmp_path):
    "Follow the home page's navigation to the bouncing-digits chapter; its first clip is a GIF whose pixels change over time"
    import imageio.v3 as iio
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=['--no-sandbox', '--disable-background-networking', '--disable-gpu'])
        try:
            page = browser.new_page(viewport={'width': 1200, 'height': 900})
            page.goto(served, timeout=60_000)
            link = page.locator('nav a[href="02_bouncing.html"]', has_text='Bouncing digits').first   # the lesson is in the navigation
            page.goto(served + link.get_attribute('href'), timeout=60_000)
            assert 'Bouncing digits' in page.title()
            img = page.locator('img[src^="data:image/gif;base64,"]').first
            img.scroll_into_view_if_needed()
            page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=img.element_handle(), timeout=10_000)
            shots = []
            for _ in range(4):                                  # a clip plays at about 8 frames a second
                img.screenshot(path=tmp_path/'a.png'); shots.append(iio.imread(tmp_path/'a.png').astype(int)); time.sleep(0.35)
            assert shots[0].std() > 0                           # a picture, not a blank box
            assert any(np.abs(s - shots[0]).max() > 0 for s in shots[1:]), "the GIF did not move"
        finally: browser.close()
