"A real browser on the demos: Voila serves nbs/50_demos.ipynb on 127.0.0.1, headless Chromium (Playwright) types a caption."
import base64, os, socket, subprocess, sys, time
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parent.parent
NB = ROOT/'nbs'/'50_demos.ipynb'
CHROMIUM = Path('/usr/bin/chromium')        # Debian's chromium: `.ci/run` installs it with apt-get

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: `apt-get install chromium` (.ci/run does)")

def free_port() -> int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

def wait_listening(port:int, proc, timeout:float=90.):
    "Wait until something accepts connections on `port`, failing early if `proc` exits"
    t0 = time.time()
    while time.time() - t0 < timeout:
        if proc.poll() is not None: raise RuntimeError(f"voila exited with code {proc.returncode} before listening")
        with socket.socket() as s:
            if s.connect_ex(('127.0.0.1', port)) == 0: return
        time.sleep(0.5)
    raise TimeoutError(f"voila did not listen on port {port} within {timeout} s")

@pytest.fixture
def voila(tmp_path):
    "The demo notebook served by Voila on 127.0.0.1 (a free port); shut down afterwards, whatever happens"
    port, log = free_port(), open(tmp_path/'voila.log', 'w')
    proc = subprocess.Popen([sys.executable, '-m', 'voila', str(NB), '--no-browser', f'--port={port}', '--Voila.ip=127.0.0.1',
                             '--Voila.port_retries=0', '--VoilaExecutor.timeout=300'],
                            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, 'OMP_NUM_THREADS': '1'})
    try:
        wait_listening(port, proc)
        yield f'http://127.0.0.1:{port}/'
    finally:
        proc.terminate()
        try: proc.wait(timeout=30)
        except subprocess.TimeoutExpired: proc.kill(); proc.wait()
        log.close()

def test_caption_demo_in_a_browser(voila, tmp_path):
    "Type a caption, click Generate, see the clip; an invalid caption shows the vocabulary; screenshot the demo"
    import imageio.v3 as iio
    from playwright.sync_api import sync_playwright
    t0 = time.time()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=['--no-sandbox', '--disable-background-networking'])
        try:
            page = browser.new_page(viewport={'width': 1000, 'height': 800})
            page.goto(voila, wait_until='commit', timeout=60_000)
            demo = page.locator('.vidgan-caption-demo')
            box, button, out = demo.locator('.vidgan-caption input'), demo.locator('button.vidgan-generate'), demo.locator('.vidgan-out')
            box.wait_for(timeout=240_000)                        # Voila runs the whole notebook before showing it
            assert 'untrained weights' in demo.locator('.vidgan-note').inner_text() or 'pretrained weights' in demo.inner_text()
            assert out.locator('img').count() == 0               # nothing generated before the click

            box.fill(''); box.press_sequentially('digit 7 is dancing')
            button.click()
            err = out.locator('.vidgan-error')
            err.wait_for(timeout=60_000)
            assert 'dancing' in err.inner_text() and 'the vocabulary is' in err.inner_text()
            assert out.locator('img').count() == 0

            box.fill(''); box.press_sequentially('digit 7 is moving left and right')
            button.click()
            img = out.locator('img[src^="data:image/gif;base64,"]')
            img.wait_for(timeout=60_000)
            assert out.locator('.vidgan-error').count() == 0
            assert out.locator('figcaption').inner_text().strip() == 'digit 7 is moving left and right .'
            page.wait_for_function("i => i.complete && i.naturalWidth > 0", arg=img.element_handle(), timeout=10_000)
            assert img.evaluate('i => [i.naturalWidth, i.naturalHeight]') == [192, 192]     # 64x64 frames at scale 3
            frames = iio.imread(base64.b64decode(img.get_attribute('src').split(',', 1)[1]), extension='.gif', index=None)
            assert frames.shape[:3] == (16, 192, 192)               # the 16-frame clip the browser plays

            shot = tmp_path/'caption_demo.png'
            demo.screenshot(path=shot)
            assert iio.imread(shot).shape[1] > 192                  # the whole demo: controls and clip
            page.set_viewport_size({'width': 1000, 'height': 5000})
            page.screenshot(path=tmp_path/'page.png')               # the whole page, all four demos, for a look
        finally: browser.close()
    print(f"browser part: {time.time() - t0:.1f} s; screenshot {shot}")
