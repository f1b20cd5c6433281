/// The report map's interactive layer: progressive enhancement of the inline SVG, in one
/// script and one style sheet that travel inside the page (allowed by hash in the
/// Content-Security-Policy, like the table sorting; see ``ReportAssets``). Without scripts the
/// map stays the printed one and the cards stay below.
///
/// What it reads: the map's SVG elements by the ids ``StakeMapMaps/StakeholderMap`` gives them
/// (`sm-aN` for actor N, `sm-t-FROM-TO-KIND-STATUS-K` for a drawn tie), the actor cards
/// (`#sm-actor-N`), and the words and options in `#sm-explore` (written by
/// `HTMLReportWriter.exploreData()`, every word from the catalogue). It adds nothing from the
/// data as markup: names are set with `setAttribute`/`textContent`, cards are cloned nodes.
///
/// What it does, with the map section as its only stage:
/// - click an actor, or Tab to it and press Enter or Space: a clone of its card (type, ties
///   with kind and evidence, needs and offers) opens in a panel beside the map; links to other
///   actors inside open their cards there; Escape closes it;
/// - hover or focus an actor: its ties and neighbours stay, the rest dims;
/// - a search box (name or short name, case ignored): matches stay, the rest dims; Enter opens
///   the first match;
/// - filters by actor type, kind of tie and status: hidden actors take their ties with them;
/// - zoom (buttons, Ctrl + wheel) and pan (drag, arrow keys) by changing the SVG's viewBox;
/// - screen readers: each actor is a button named "NAME (TYPE): open card", the panel is a
///   live region, the controls are labelled.
///
/// Classes it adds only on interaction (`sm-hl`, `sm-match`, `sm-off`, `sm-selected`), so a
/// page at rest holds exactly Graphviz's `class="node"` groups. Keep it free of `<` and `&`
/// (the page parses as XML too, and `</` would end the element).
package enum InteractiveMap {
  package static let script = """
    (function () {
      'use strict';
      var data = document.getElementById('sm-explore');
      var figure = document.querySelector('#sm-map figure');
      var svg = figure ? figure.querySelector('svg') : null;
      if (!data || !svg) { return; }
      function word(name) { return data.getAttribute('data-' + name) || ''; }
      function each(list, f) { Array.prototype.forEach.call(list, f); }
      var actors = {};
      each(data.querySelectorAll('span[data-actor]'), function (s) {
        actors[s.getAttribute('data-actor')] = {
          index: s.getAttribute('data-actor'), type: s.getAttribute('data-type'),
          search: (s.getAttribute('data-search') || '').toLowerCase(),
          label: s.getAttribute('data-label') || '', node: null, ties: []
        };
      });
      var nodes = [];
      each(svg.querySelectorAll('g.node'), function (g) {
        var m = /^sm-a([0-9]+)$/.exec(g.id);
        if (!m || !actors[m[1]]) { return; }
        var a = actors[m[1]];
        a.node = g;
        nodes.push(a);
      });
      var ties = [];
      each(svg.querySelectorAll('g.edge'), function (g) {
        var m = /^sm-t-([0-9]+)-([0-9]+)-([a-z_]+)-([a-z]+)-[0-9]+$/.exec(g.id);
        if (!m || !actors[m[1]] || !actors[m[2]]) { return; }
        var t = { el: g, from: actors[m[1]], to: actors[m[2]], kind: m[3], status: m[4] };
        ties.push(t);
        t.from.ties.push(t);
        t.to.ties.push(t);
      });
      if (nodes.length === 0) { return; }

      // Layout: controls above, the map and the card panel side by side.
      var stage = document.createElement('div');
      stage.className = 'sm-explore';
      stage.setAttribute('role', 'region');
      stage.setAttribute('aria-label', word('region'));
      var controls = document.createElement('div');
      controls.className = 'sm-controls';
      var mapBox = document.createElement('div');
      mapBox.className = 'sm-mapbox';
      var panel = document.createElement('aside');
      panel.className = 'sm-panel';
      panel.id = 'sm-explore-card';
      panel.setAttribute('aria-live', 'polite');
      panel.setAttribute('tabindex', '-1');
      var hint = document.createElement('p');
      hint.className = 'note';
      hint.textContent = word('hint');
      panel.appendChild(hint);
      figure.parentNode.insertBefore(stage, figure);
      stage.appendChild(controls);
      var row = document.createElement('div');
      row.className = 'sm-row';
      stage.appendChild(row);
      row.appendChild(mapBox);
      row.appendChild(panel);
      mapBox.appendChild(figure);

      // Search.
      var searchLabel = document.createElement('label');
      searchLabel.className = 'sm-search';
      var searchText = document.createElement('span');
      searchText.textContent = word('search');
      var search = document.createElement('input');
      search.type = 'search';
      search.id = 'sm-explore-search';
      search.setAttribute('placeholder', word('placeholder'));
      search.setAttribute('autocomplete', 'off');
      searchLabel.appendChild(searchText);
      searchLabel.appendChild(search);
      var status = document.createElement('span');
      status.className = 'sm-status';
      status.setAttribute('role', 'status');
      searchLabel.appendChild(status);
      controls.appendChild(searchLabel);

      // Zoom buttons.
      var zoomBox = document.createElement('span');
      zoomBox.className = 'sm-zoom';
      function button(text, title, f) {
        var b = document.createElement('button');
        b.type = 'button';
        b.textContent = text;
        b.setAttribute('aria-label', title);
        b.title = title;
        b.addEventListener('click', f);
        zoomBox.appendChild(b);
        return b;
      }
      controls.appendChild(zoomBox);

      // Filters: one group per option kind, a checkbox per value present.
      var filters = document.createElement('details');
      filters.className = 'sm-filters';
      var summary = document.createElement('summary');
      summary.textContent = word('filters');
      filters.appendChild(summary);
      var hidden = { type: {}, kind: {}, status: {} };
      ['type', 'kind', 'status'].forEach(function (option) {
        var values = data.querySelectorAll('span[data-option="' + option + '"]');
        if (values.length === 0) { return; }
        var set = document.createElement('fieldset');
        var legend = document.createElement('legend');
        legend.textContent = word('filter-' + option);
        set.appendChild(legend);
        each(values, function (v) {
          var label = document.createElement('label');
          var box = document.createElement('input');
          box.type = 'checkbox';
          box.checked = true;
          box.value = v.getAttribute('data-value');
          box.setAttribute('data-filter', option);
          box.addEventListener('change', function () {
            if (box.checked) { delete hidden[option][box.value]; } else { hidden[option][box.value] = true; }
            applyFilters();
          });
          label.appendChild(box);
          label.appendChild(document.createTextNode(' ' + v.getAttribute('data-label')));
          set.appendChild(label);
        });
        filters.appendChild(set);
      });
      controls.appendChild(filters);

      function applyFilters() {
        nodes.forEach(function (a) { a.node.classList.toggle('sm-off', !!hidden.type[a.type]); });
        ties.forEach(function (t) {
          var off = hidden.kind[t.kind] || hidden.status[t.status] || hidden.type[t.from.type] || hidden.type[t.to.type];
          t.el.classList.toggle('sm-off', !!off);
        });
      }

      // Highlight of one actor's ties and neighbours.
      function highlight(a) {
        each(svg.querySelectorAll('.sm-hl'), function (el) { el.classList.remove('sm-hl'); });
        svg.classList.toggle('sm-focus', !!a);
        if (!a) { return; }
        a.node.classList.add('sm-hl');
        a.ties.forEach(function (t) {
          t.el.classList.add('sm-hl');
          t.from.node.classList.add('sm-hl');
          t.to.node.classList.add('sm-hl');
        });
      }

      // The card panel.
      var selected = null;
      function openCard(a) {
        var card = document.getElementById('sm-actor-' + a.index);
        if (!card) { return; }
        if (selected) { selected.node.classList.remove('sm-selected'); }
        selected = a;
        a.node.classList.add('sm-selected');
        var copy = card.cloneNode(true);
        copy.removeAttribute('id');
        copy.removeAttribute('aria-labelledby');
        each(copy.querySelectorAll('[id]'), function (el) { el.removeAttribute('id'); });
        copy.setAttribute('aria-label', word('card-for').replace('{actor}', a.label));
        copy.classList.add('sm-card-copy');
        var close = document.createElement('button');
        close.type = 'button';
        close.className = 'sm-close';
        close.textContent = '\\u00d7';
        close.setAttribute('aria-label', word('close'));
        close.title = word('close');
        close.addEventListener('click', closeCard);
        while (panel.firstChild) { panel.removeChild(panel.firstChild); }
        panel.appendChild(close);
        panel.appendChild(copy);
        panel.focus();
      }
      function closeCard() {
        if (selected) { selected.node.classList.remove('sm-selected'); }
        var back = selected;
        selected = null;
        while (panel.firstChild) { panel.removeChild(panel.firstChild); }
        panel.appendChild(hint);
        if (back) { back.node.focus(); }
      }
      panel.addEventListener('click', function (ev) {
        var link = ev.target.closest ? ev.target.closest('a[href^="#sm-actor-"]') : null;
        if (!link) { return; }
        var a = actors[link.getAttribute('href').slice(10)];
        if (!a || !a.node) { return; }
        ev.preventDefault();
        openCard(a);
      });

      nodes.forEach(function (a) {
        var g = a.node;
        g.setAttribute('tabindex', '0');
        g.setAttribute('role', 'button');
        g.setAttribute('aria-label', a.label);
        g.addEventListener('click', function () { openCard(a); });
        g.addEventListener('keydown', function (ev) {
          if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); openCard(a); }
        });
        g.addEventListener('mouseenter', function () { highlight(a); });
        g.addEventListener('mouseleave', function () { highlight(null); });
        g.addEventListener('focus', function () { highlight(a); });
        g.addEventListener('blur', function () { highlight(null); });
      });
      stage.addEventListener('keydown', function (ev) {
        if (ev.key === 'Escape') { if (selected) { closeCard(); } }
      });

      // Search: matches stay, the rest dims; Enter opens the first match.
      var matches = [];
      search.addEventListener('input', function () {
        var q = search.value.trim().toLowerCase();
        matches = [];
        nodes.forEach(function (a) {
          var hit = q === '' ? false : a.search.indexOf(q) >= 0;
          a.node.classList.toggle('sm-match', hit);
          if (hit) { matches.push(a); }
        });
        svg.classList.toggle('sm-searching', q !== '');
        status.textContent = q === '' ? '' : word('matches').replace('{n}', String(matches.length));
      });
      search.addEventListener('keydown', function (ev) {
        if (ev.key !== 'Enter' || matches.length === 0) { return; }
        ev.preventDefault();
        openCard(matches[0]);
      });

      // Zoom and pan through the viewBox.
      var base = (svg.getAttribute('viewBox') || '').split(/[ ,]+/).map(parseFloat);
      if (base.length !== 4 || base.some(isNaN)) {
        var box = svg.getBBox();
        base = [box.x, box.y, box.width, box.height];
      }
      var view = base.slice();
      function show() { svg.setAttribute('viewBox', view.map(function (v) { return v.toFixed(2); }).join(' ')); }
      function zoom(f, cx, cy) {
        var w = Math.min(base[2] * 4, Math.max(base[2] / 12, view[2] / f));
        var h = w * base[3] / base[2];
        if (cx === undefined) { cx = view[0] + view[2] / 2; cy = view[1] + view[3] / 2; }
        view = [cx - (cx - view[0]) * w / view[2], cy - (cy - view[1]) * h / view[3], w, h];
        show();
      }
      function pan(dx, dy) { view[0] += dx; view[1] += dy; show(); }
      button('+', word('zoom-in'), function () { zoom(1.5); });
      button('\\u2212', word('zoom-out'), function () { zoom(1 / 1.5); });
      button('\\u2922', word('zoom-reset'), function () { view = base.slice(); show(); });
      function scale() { return view[2] / Math.max(1, svg.getBoundingClientRect().width); }
      svg.addEventListener('wheel', function (ev) {
        if (!(ev.ctrlKey || ev.metaKey)) { return; }
        ev.preventDefault();
        var r = svg.getBoundingClientRect();
        var cx = view[0] + (ev.clientX - r.left) * scale();
        var cy = view[1] + (ev.clientY - r.top) * view[3] / Math.max(1, r.height);
        zoom(0 > ev.deltaY ? 1.2 : 1 / 1.2, cx, cy);
      }, { passive: false });
      var drag = null;
      svg.addEventListener('pointerdown', function (ev) {
        if (ev.button !== 0) { return; }
        if (ev.target.closest ? ev.target.closest('g.node') : null) { return; }
        drag = { x: ev.clientX, y: ev.clientY, moved: false };
        if (svg.setPointerCapture) { svg.setPointerCapture(ev.pointerId); }
      });
      svg.addEventListener('pointermove', function (ev) {
        if (!drag) { return; }
        var s = scale();
        pan((drag.x - ev.clientX) * s, (drag.y - ev.clientY) * s);
        drag.x = ev.clientX;
        drag.y = ev.clientY;
      });
      svg.addEventListener('pointerup', function () { drag = null; });
      mapBox.addEventListener('keydown', function (ev) {
        var step = view[2] / 10;
        var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
        if (moves[ev.key]) { ev.preventDefault(); pan(moves[ev.key][0], moves[ev.key][1]); }
        else if (ev.key === '+') { zoom(1.5); }
        else if (ev.key === '-') { zoom(1 / 1.5); }
      });
      stage.setAttribute('data-explore', 'ready');
    })();
    """

  package static let style = """
    .sm-explore { margin: .5rem 0; }
    .sm-controls { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: flex-start; margin-bottom: .5rem; }
    .sm-search span { margin-right: .4rem; }
    .sm-search input { font: inherit; padding: .2rem .4rem; min-width: 14rem; }
    .sm-status { margin-left: .5rem; color: var(--muted); }
    .sm-zoom button, .sm-close { font: inherit; min-width: 2.2rem; padding: .1rem .4rem; cursor: pointer; background: var(--soft); border: 1px solid var(--line); border-radius: 4px; }
    .sm-filters fieldset { display: inline-block; vertical-align: top; border: 1px solid var(--line); margin: .25rem .5rem .25rem 0; padding: .25rem .6rem; }
    .sm-filters label { display: block; font-size: .9rem; }
    .sm-row { display: grid; grid-template-columns: minmax(0, 3fr) minmax(15rem, 1fr); gap: 1rem; align-items: start; }
    .sm-mapbox { overflow: hidden; border: 1px solid var(--line); border-radius: 6px; }
    .sm-mapbox svg { cursor: grab; touch-action: none; }
    .sm-panel { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .75rem; max-height: 42rem; overflow-y: auto; position: sticky; top: .5rem; }
    .sm-panel .sm-card-copy { border: 0; padding: 0; }
    .sm-close { float: right; }
    #sm-map g.node[role="button"] { cursor: pointer; }
    #sm-map g.node:focus { outline: none; }
    #sm-map g.node:focus polygon, #sm-map g.node:focus ellipse, #sm-map g.node:focus path { stroke: #ffbf47; stroke-width: 4px; }
    #sm-map .sm-focus g.node:not(.sm-hl), #sm-map .sm-focus g.edge:not(.sm-hl) { opacity: .15; }
    #sm-map .sm-searching g.node:not(.sm-match) { opacity: .2; }
    #sm-map g.node.sm-selected polygon, #sm-map g.node.sm-selected ellipse, #sm-map g.node.sm-selected path { stroke: #000; stroke-width: 3px; }
    #sm-map .sm-off { display: none; }
    @media (max-width: 50rem) { .sm-row { grid-template-columns: 1fr; } }
    @media print { .sm-controls, .sm-panel { display: none; } .sm-row { display: block; } .sm-mapbox { border: 0; } }
    """
}
