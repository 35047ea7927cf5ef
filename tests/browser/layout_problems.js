() => {
  // What goes wrong in the layout of the page as it is now, as a list of sentences:
  // a horizontal scrollbar, a label or legend drawn over a neighbour, a shared part
  // running outside the window, items of a part running into each other, and words
  // of the header's slim bar breaking over two lines, a button or badge whose label
  // does not stand out from its background. Evaluated by test_page_parts.py.
  const problems = [];
  const root = document.scrollingElement;
  if (root.scrollWidth > root.clientWidth) {
    problems.push(`horizontal scrollbar: ${root.scrollWidth}px of content in ${root.clientWidth}px`);
  }
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return box.width > 0 && box.height > 0 && style.visibility !== 'hidden'
      && parseFloat(style.opacity) > 0;
  };
  const overlap = (a, b) => {
    const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return x > 1 && y > 1;
  };
  const describe = (el) => `<${el.tagName.toLowerCase()}> "${el.textContent.trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
  const neighbours = [...document.querySelectorAll(
    'main :is(h1, h2, h3, h4, h5, h6, p, label, legend, small, .form-text, .invalid-feedback, ' +
    'input, select, textarea, button, .alert, .btn)'
  )].filter(shown);
  for (const label of document.querySelectorAll('main :is(label, legend)')) {
    if (!shown(label)) continue;
    const box = label.getBoundingClientRect();
    for (const other of neighbours) {
      if (other === label || other.contains(label) || label.contains(other)) continue;
      if (overlap(box, other.getBoundingClientRect())) {
        problems.push(`${describe(label)} overlaps ${describe(other)}`);
      }
    }
  }
  // The shared parts stay inside the window, and their items apart.
  const parts = 'header.it-header-wrapper, footer.it-footer, .breadcrumb-container, ' +
    '.portal-messages, .pagination-wrapper';
  for (const part of document.querySelectorAll(parts)) {
    const box = part.getBoundingClientRect();
    if (box.left < -1 || box.right > root.clientWidth + 1) {
      problems.push(`${part.className} runs outside the window: ${box.left}..${box.right}`);
    }
  }
  const groups = [
    '.it-header-slim-wrapper-content :is(.navbar-brand, .portal-languages li, .portal-account > *, .portal-account form > *)',
    '.it-header-center-wrapper :is(.it-brand-title, .it-brand-tagline), .portal-menu-open',
    '.breadcrumb-item', '.page-item', '.it-footer a', '.portal-messages .alert',
  ];
  for (const selector of groups) {
    const items = [...document.querySelectorAll(selector)].filter(shown).filter(
      (el, _, all) => !all.some((other) => other !== el && other.contains(el)));
    items.forEach((a, i) => items.slice(i + 1).forEach((b) => {
      const p = a.getBoundingClientRect(), q = b.getBoundingClientRect();
      const sameLine = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 1;
      const gap = Math.max(q.left - p.right, p.left - q.right);
      if (overlap(p, q) || (selector.startsWith('.it-header-slim') && sameLine && gap < 8)) {
        problems.push(`${describe(a)} runs into ${describe(b)} (gap ${Math.round(gap)}px)`);
      }
    }));
  }
  // Words of the slim bar stay on one line each ("Your account" must not break).
  for (const el of document.querySelectorAll(
      '.it-header-slim-wrapper-content :is(.navbar-brand, .portal-account-link, .btn)')) {
    if (!shown(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    if (tops.size > 1) problems.push(`${describe(el)} wraps over ${tops.size} lines`);
  }
  // Buttons and badges are read on their own background: their label must stand
  // out from it (WCAG AA, 4.5:1), whatever rule of the page reaches them (a
  // callout's link colour drew a button's label in the button's own blue).
  const rgb = (colour) => (colour.match(/[\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  for (const el of document.querySelectorAll('main :is(.btn, .badge)')) {
    if (!shown(el) || el.matches(':disabled, .disabled')) continue;
    const style = getComputedStyle(el);
    const back = rgb(style.backgroundColor);
    if (back.length < 3 || (back.length === 4 && back[3] < 1)) continue;
    const [a, b] = [luminance(rgb(style.color)), luminance(back)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) {
      problems.push(`${describe(el)} is ${style.color} on ${style.backgroundColor} (${ratio.toFixed(2)}:1)`);
    }
  }
  return problems;
}
