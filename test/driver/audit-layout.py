"""Renders `asynclint audit --html` of a project with long paths in headless
Chromium and checks the charts' layout: in every chart row the label, the bar
and the count do not overlap each other or another row's; no label is cut off
on the left and no count on the right; a shortened label still ends with the
file or directory name. A script added to a copy of the page measures the boxes
(getBoundingClientRect) and writes its verdict into the DOM, which
`chromium --dump-dom` prints.

usage: audit-layout.py --asynclint BIN --chromium BIN --work DIR [--files N] [--screenshot PNG]
"""
import argparse, json, os, re, shutil, subprocess, sys

CHECK = r"""
<script>
(function () {
  // Geometry only: every text and bar of every chart, whatever the markup.
  const problems = [];
  let rows = 0;
  const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 &&
                            a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  document.querySelectorAll('svg').forEach((svg, si) => {
    const frame = svg.getBoundingClientRect();
    const boxes = [];
    svg.querySelectorAll('text, rect').forEach(e => {
      const r = e.getBoundingClientRect();
      const what = e.tagName + ' "' + (e.textContent || '') + '"';
      if (r.left < frame.left - 0.5) problems.push('cut off on the left: ' + what);
      if (r.right > frame.right + 0.5) problems.push('cut off on the right: ' + what);
      boxes.push([what, r]);
    });
    rows += svg.querySelectorAll('rect').length;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        if (overlap(boxes[i][1], boxes[j][1]))
          problems.push('chart ' + si + ': ' + boxes[i][0] + ' overlaps ' + boxes[j][0]);
    // A shortened label keeps the file or directory name; the full one is on hover.
    svg.querySelectorAll('g').forEach(g => {
      const title = g.querySelector('title'), label = g.querySelector('text');
      if (!title || !label) return;
      const name = title.textContent.replace(/: \d+$/, '').split('/').filter(s => s).pop();
      if (!label.textContent.endsWith(name))
        problems.push('label lost the name "' + name + '": ' + label.textContent);
    });
  });
  if (rows === 0) problems.push('no chart bars found');
  const out = document.createElement('pre');
  out.id = 'layout-verdict';
  out.textContent = problems.length ? 'LAYOUT-BAD\n' + problems.join('\n') : 'LAYOUT-OK ' + rows + ' rows';
  document.body.appendChild(out);
})();
</script>
"""

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--asynclint', required=True)
    ap.add_argument('--chromium', required=True)
    ap.add_argument('--work', required=True)
    ap.add_argument('--inputs', required=True, help='test/driver/Inputs (coro.h)')
    ap.add_argument('--files', type=int, default=40)
    ap.add_argument('--screenshot')
    a = ap.parse_args()
    shutil.rmtree(a.work, ignore_errors=True)
    root = os.path.join(a.work, 'project')
    os.makedirs(os.path.join(root, 'build'))
    shutil.copy(os.path.join(a.inputs, 'coro.h'), root)
    entries = []
    for i in range(a.files):
        # Deep directories and long file names, as in real codebases; some short.
        depth = i % 5
        parts = ['src', 'networking_subsystem_%d' % (i % 7)] + \
                ['implementation_details_level_%d' % d for d in range(depth)]
        d = os.path.join(root, *parts)
        os.makedirs(d, exist_ok=True)
        name = ('connection_handler_with_a_rather_long_descriptive_name_%02d.cpp' % i
                if i % 3 else 'f%d.cpp' % i)
        sleeps = '\n'.join('  sleep(%d);' % k for k in range(1 + i % 4))
        with open(os.path.join(d, name), 'w') as f:
            f.write('#include "%s/coro.h"\nTask coroutine%d() {\n%s\n  co_return;\n}\n' % (root, i, sleeps))
        entries.append({'directory': d, 'file': name, 'command': 'clang++ -std=c++20 -c ' + name})
    with open(os.path.join(root, 'build', 'compile_commands.json'), 'w') as f:
        json.dump(entries, f)
    page = os.path.join(a.work, 'audit.html')
    rc = subprocess.run([a.asynclint, 'audit', '-p', os.path.join(root, 'build'), '--no-cache',
                         '--source-root', root, '--html', page, '-o', os.path.join(a.work, 'audit.md')]).returncode
    if rc != 0:
        print('asynclint audit exited with', rc); return 1
    html = open(page, encoding='utf-8').read()
    probe = os.path.join(a.work, 'probe.html')
    with open(probe, 'w', encoding='utf-8') as f:
        f.write(html.replace('</body>', CHECK + '</body>'))
    chrome = [a.chromium, '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars',
              '--user-data-dir=' + os.path.join(a.work, 'chrome-profile')]
    dom = subprocess.run(chrome + ['--virtual-time-budget=5000', '--dump-dom', 'file://' + probe],
                         capture_output=True, text=True, timeout=120).stdout
    m = re.search(r'<pre id="layout-verdict">(.*?)</pre>', dom, re.S)
    if not m:
        print('no verdict in the rendered page'); return 1
    verdict = m.group(1).replace('&amp;', '&').replace('&lt;', '<').replace('&gt;', '>').replace('&quot;', '"')
    print(verdict)
    if a.screenshot:
        subprocess.run(chrome + ['--window-size=1100,1500', '--screenshot=' + a.screenshot,
                                 'file://' + page], capture_output=True, timeout=120)
    return 0 if verdict.startswith('LAYOUT-OK') else 1

sys.exit(main())
