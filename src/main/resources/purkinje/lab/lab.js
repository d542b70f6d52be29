// purkinje lab: the page's controls send their values to /api/run; the newest answer is shown.
// Served from the jar; talks only to the server it came from.
(function () {
  'use strict';
  var clientId = randomId();
  var latest = 0;          // number of the newest request sent
  var inFlight = null;     // AbortController of the request being waited for
  var debounce = null;
  var targets = {};
  var conditionNames = [];

  function randomId() {
    var a = new Uint8Array(12);
    window.crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function el(id) { return document.getElementById(id); }

  function settings() {
    return {
      dosage: el('dosage').value,
      target: el('target').value,
      effect: el('effect').value,
      sigma_v: el('sigma-v').value,
      cells: el('cells').value,
      duration: el('duration').value,
      seed: el('seed').value
    };
  }

  function query(s) {
    return Object.keys(s).map(function (k) {
      return encodeURIComponent(k) + '=' + encodeURIComponent(s[k]);
    }).join('&');
  }

  function showMessage(text) {
    var m = el('message');
    m.textContent = text || '';
    m.hidden = !text;
  }

  function format(x, digits) {
    return (typeof x === 'number' && isFinite(x)) ? x.toFixed(digits) : 'n/a';
  }

  function pValue(p) {
    if (typeof p !== 'number' || !isFinite(p)) { return 'n/a'; }
    if (p === 0) { return '< 1e-300'; }
    if (p >= 0.001) { return String(Number(p.toPrecision(2))); }
    return p.toExponential(1).replace('e-0', 'e-').replace('e+0', 'e+');
  }

  function signed(x) { return (x > 0 ? '+' : '') + format(x, 1); }

  function svgUrl(svg) { return 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg); }

  function buildRows(colours) {
    var body = el('rates');
    body.textContent = '';
    conditionNames.forEach(function (name, i) {
      var tr = document.createElement('tr');
      var swatch = document.createElement('td');
      var dot = document.createElement('span');
      dot.className = 'swatch';
      dot.textContent = '\u25CF ';
      dot.style.color = colours[i] || '#000';
      swatch.appendChild(dot);
      swatch.appendChild(document.createTextNode(name));
      var dosage = document.createElement('td');
      dosage.id = 'dosage-' + name;
      var rate = document.createElement('td');
      rate.className = 'rate';
      rate.id = 'rate-' + name;
      var theory = document.createElement('td');
      theory.id = 'theory-' + name;
      [swatch, dosage, rate, theory].forEach(function (td) { tr.appendChild(td); });
      body.appendChild(tr);
    });
  }

  function show(r) {
    r.conditions.forEach(function (c) {
      el('rate-' + c.name).textContent = format(c.mean_rate_hz, 2);
      el('dosage-' + c.name).textContent = String(c.meis1_dosage);
      el('theory-' + c.name).textContent = format(c.theory_rate_hz, 2);
    });
    var c = r.comparison;
    el('change').textContent = c.test + ' vs ' + c.reference + ': ' + signed(c.rate_change_percent)
      + ' % (95 % CI ' + signed(c.rate_change_ci95_percent[0]) + ' to ' + signed(c.rate_change_ci95_percent[1])
      + ' %), Mann-Whitney p = ' + pValue(c.mann_whitney_p);
    ['rates', 'theory', 'raster', 'voltage'].forEach(function (f) {
      el('fig-' + f).src = svgUrl(r.figures[f]);
    });
    el('explain-text').textContent = [r.captions.rates, r.captions.theory, r.captions.raster, r.captions.voltage]
      .join(' ');
    el('status').textContent = 'simulated and drawn in ' + r.elapsed_ms + ' ms (' + r.settings.cells
      + ' cells per condition, ' + r.settings.duration + ' s)';
    document.body.dataset.shownDosage = r.settings.dosage;
  }

  function run() {
    if (debounce) { clearTimeout(debounce); debounce = null; }
    var s = settings();
    el('save-config').href = '/api/config?' + query(s);
    var n = ++latest;
    if (inFlight) { inFlight.abort(); }
    var controller = new AbortController();
    inFlight = controller;
    document.body.dataset.state = 'running';
    fetch('/api/run?' + query(s) + '&client=' + clientId, { signal: controller.signal, cache: 'no-store' })
      .then(function (response) {
        return response.json().then(function (body) { return { status: response.status, body: body }; });
      })
      .then(function (a) {
        if (n !== latest || a.status === 409) { return; }  // a newer request is on its way
        inFlight = null;
        if (a.status !== 200) {
          showMessage(a.body.error || ('the server answered ' + a.status));
          document.body.dataset.state = 'error';
          return;
        }
        showMessage('');
        show(a.body);
        document.body.dataset.state = 'idle';
      })
      .catch(function (e) {
        if (e.name === 'AbortError' || n !== latest) { return; }
        inFlight = null;
        showMessage('the lab server does not answer (is purkinje lab still running?)');
        document.body.dataset.state = 'error';
      });
  }

  function later() {
    if (debounce) { clearTimeout(debounce); }
    debounce = setTimeout(run, 80);
  }

  function describeTarget() {
    var t = targets[el('target').value];
    el('effect-label').textContent = t.label;
  }

  function start(s) {
    el('config-source').textContent = s.config;
    conditionNames = s.conditions;
    el('reduced-name').textContent = conditionNames[1];
    var select = el('target');
    s.targets.forEach(function (t) {
      targets[t.name] = t;
      var o = document.createElement('option');
      o.value = t.name;
      o.textContent = t.name + (t.available ? '' : ' (config has no parallel fibres)');
      o.disabled = !t.available;
      select.appendChild(o);
    });
    var v = s.settings;
    el('dosage').value = v.dosage;
    el('dosage-value').textContent = v.dosage;
    select.value = v.target;
    el('effect').value = v.effect;
    el('sigma-v').value = v.sigma_v;
    el('cells').value = v.cells;
    el('duration').value = v.duration;
    el('seed').value = v.seed;
    describeTarget();
    buildRows(s.colours);

    var dosage = el('dosage');
    dosage.addEventListener('input', function () { el('dosage-value').textContent = dosage.value; later(); });
    dosage.addEventListener('change', run);
    select.addEventListener('change', function () {
      el('effect').value = targets[select.value].default_effect;
      describeTarget();
      run();
    });
    ['effect', 'sigma-v', 'cells', 'duration', 'seed'].forEach(function (id) {
      el(id).addEventListener('change', run);
    });
    run();
  }

  document.addEventListener('DOMContentLoaded', function () {
    fetch('/api/start', { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(start)
      .catch(function () { showMessage('the lab server does not answer (is purkinje lab still running?)'); });
  });
}());
