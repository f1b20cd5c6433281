/// The report page's only style sheet and only script, and the Content-Security-Policy that
/// allows exactly these two and nothing else. Each is the page's own part (table sorting,
/// layout) followed by the interactive map's (``InteractiveMap``), in one element each.
///
/// The policy (in a `<meta http-equiv>`, so it travels with the file, e.g. as an e-mail
/// attachment):
///
///     default-src 'none'; script-src 'sha256-…'; style-src 'sha256-…'; img-src data:;
///     base-uri 'none'; form-action 'none'
///
/// - `default-src 'none'`: no fetch of any kind (fonts, frames, connections, media, objects);
/// - `script-src` and `style-src` are hashes of the exact inline `<script>` and `<style>` text,
///   so a script or style element that someone managed to inject would not run, and no
///   `style="…"` attribute or event handler attribute is honoured either;
/// - `img-src data:`: only inline images (the page uses none; the SVG map is inline markup);
/// - `base-uri`, `form-action`: no base URL or form target can be changed.
///
/// The page has no `http:` or `https:` reference of its own: links exist only for the `url`s of
/// sources (``HTMLEscaping/safeLinkURL(_:)``), and following one is the reader's click, not a
/// request of the page.
package enum ReportAssets {
  /// Progressive enhancement for `table[data-sortable]`: turns each header into a button that
  /// sorts the rows (numbers by `data-value`, text by locale), keeps `aria-sort` up to date,
  /// and marks the table `data-sortable="ready"`. Without scripts the table stays in its
  /// printed order (by betweenness). Keep it free of `</`.
  package static var script: String { sortingScript + "\n" + InteractiveMap.script }

  /// The table sorting alone (see ``script``).
  package static let sortingScript = """
    (function () {
      'use strict';
      var lang = document.documentElement.lang || 'de';
      var tables = document.querySelectorAll('table[data-sortable]');
      Array.prototype.forEach.call(tables, function (table) {
        var body = table.tBodies[0];
        var heads = table.tHead ? table.tHead.rows[0].cells : [];
        Array.prototype.forEach.call(heads, function (th, column) {
          var numeric = th.hasAttribute('data-numeric');
          var button = document.createElement('button');
          button.type = 'button';
          while (th.firstChild) { button.appendChild(th.firstChild); }
          th.appendChild(button);
          button.addEventListener('click', function () {
            var current = th.getAttribute('aria-sort');
            var descending = current ? current === 'ascending' : numeric;
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = a.cells[column], y = b.cells[column];
              var c;
              if (numeric) {
                c = parseFloat(x.getAttribute('data-value')) - parseFloat(y.getAttribute('data-value'));
              } else {
                c = x.textContent.localeCompare(y.textContent, lang);
              }
              if (descending) { c = -c; }
              if (c === 0 || isNaN(c)) {
                c = parseInt(a.getAttribute('data-order'), 10) - parseInt(b.getAttribute('data-order'), 10);
              }
              return c;
            });
            rows.forEach(function (row) { body.appendChild(row); });
            Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
            th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
          });
        });
        table.setAttribute('data-sortable', 'ready');
      });
    })();
    """

  /// The page's styles: readable type, tables that scroll on narrow screens, cards, print
  /// rules. No `url()`, no web fonts.
  package static var style: String { baseStyle + InteractiveMap.style }

  /// The page's own rules, without the interactive map's (see ``style``).
  package static let baseStyle = """
    :root { --ink: #1b1b1b; --muted: #555; --line: #d0d0d0; --soft: #f4f4f4; --accent: #0b5394; --suggest: #a34700; }
    * { box-sizing: border-box; }
    html { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); background: #fff; line-height: 1.5; }
    body { margin: 0 auto; max-width: 80rem; padding: 0 1.25rem 3rem; }
    a { color: var(--accent); }
    a:focus, button:focus { outline: 3px solid #ffbf47; outline-offset: 1px; }
    .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
    .skip:focus { left: .5rem; }
    header { border-bottom: 2px solid var(--ink); margin-bottom: 1.5rem; padding-top: 1.5rem; }
    h1 { font-size: 1.9rem; margin: 0 0 .25rem; line-height: 1.2; }
    h2 { font-size: 1.4rem; margin: 2.5rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
    h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
    h4 { font-size: .95rem; margin: 1rem 0 .25rem; }
    .subtitle, .note, figcaption, caption { color: var(--muted); }
    nav ol { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; list-style: none; padding: 0; margin: .75rem 0 1rem; }
    .summary p { max-width: 50rem; }
    ol.bridges li { margin-bottom: .4rem; }
    .label { display: inline-block; min-width: 2.2em; font-weight: bold; color: var(--suggest); }
    figure { margin: 0; }
    figure svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
    figcaption { font-size: .9rem; margin-top: .5rem; max-width: 50rem; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0 1rem; }
    caption { text-align: left; padding-bottom: .25rem; }
    th, td { border-bottom: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
    thead th { background: var(--soft); white-space: nowrap; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    th[aria-sort="descending"] button::after { content: " \\25BC"; }
    th[aria-sort="ascending"] button::after { content: " \\25B2"; }
    th button { font: inherit; font-weight: bold; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; text-align: inherit; }
    dl.figures { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
    dl.figures dt { font-weight: bold; }
    dl.figures dd { margin: 0; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1rem; align-items: start; }
    .card { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; background: #fff; }
    .card h3 { margin-top: 0; }
    .card ul { padding-left: 1.1rem; margin: .25rem 0; }
    .cut { display: inline-block; border: 2px solid var(--ink); border-radius: 4px; padding: 0 .4rem; font-size: .85rem; }
    blockquote { margin: .25rem 0 .5rem; padding: .1rem .75rem; border-left: 3px solid var(--line); color: #333; }
    blockquote p { margin: 0; }
    cite { font-style: normal; font-size: .85rem; color: var(--muted); }
    .reasons { font-size: .92rem; }
    .figs { color: var(--muted); font-size: .85rem; }
    footer { margin-top: 3rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
    @media print {
      body { max-width: none; padding: 0; }
      nav, .skip, .hint { display: none; }
      a { color: inherit; text-decoration: none; }
      .card { break-inside: avoid; }
      h2 { break-after: avoid; }
    }
    """ + PrintStyle.a4

  /// The Content-Security-Policy of the page.
  package static var contentSecurityPolicy: String {
    "default-src 'none'; script-src \(SHA256.cspSource(script)); style-src \(SHA256.cspSource(style)); "
      + "img-src data:; base-uri 'none'; form-action 'none'"
  }
}
