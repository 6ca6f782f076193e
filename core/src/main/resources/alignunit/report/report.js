(function () {
  'use strict';
  var table = document.getElementById('summary');
  var bodies = Array.prototype.slice.call(document.querySelectorAll('tbody.entry'));
  var selects = document.querySelectorAll('select[data-filter]');
  var search = document.getElementById('search');
  var groupBy = document.getElementById('group');
  var counter = document.getElementById('shown');

  function matches(body) {
    var ok = true;
    selects.forEach(function (s) {
      var key = s.getAttribute('data-filter');
      if (!s.value) { return; }
      var values = (body.getAttribute('data-' + key) || '').split('|');
      if (values.indexOf(s.value) < 0) { ok = false; }
    });
    var words = search && search.value.trim().toLowerCase();
    if (ok && words) {
      var text = body.textContent.toLowerCase();
      words.split(/\s+/).forEach(function (w) { if (text.indexOf(w) < 0) { ok = false; } });
    }
    return ok;
  }

  function apply() {
    var shown = 0;
    bodies.forEach(function (body) {
      var ok = matches(body);
      body.hidden = !ok;
      if (ok) { shown++; }
      if (ok && search && search.value.trim()) {
        var samples = body.querySelector('details.samples');
        if (samples) { samples.open = true; }
      }
    });
    if (counter) { counter.textContent = String(shown); }
    regroup();
  }

  var sortKey = null;
  var sortDir = 1;
  function sortValue(body, key) {
    var v = body.getAttribute('data-sort-' + key) || '';
    var n = parseFloat(v);
    return isNaN(n) || /[a-z]/i.test(v) ? v.toLowerCase() : n;
  }
  function order() {
    var sorted = bodies.slice();
    if (sortKey) {
      sorted.sort(function (a, b) {
        var x = sortValue(a, sortKey), y = sortValue(b, sortKey);
        return (x < y ? -1 : x > y ? 1 : 0) * sortDir;
      });
    }
    var group = groupBy ? groupBy.value : '';
    if (group) {
      sorted.sort(function (a, b) {
        var x = a.getAttribute('data-group-' + group) || '', y = b.getAttribute('data-group-' + group) || '';
        return x < y ? -1 : x > y ? 1 : 0;
      });
    }
    return sorted;
  }
  function regroup() {
    Array.prototype.slice.call(table.querySelectorAll('tbody.group-head')).forEach(function (h) { h.remove(); });
    var group = groupBy ? groupBy.value : '';
    var last = null;
    order().forEach(function (body) {
      if (group && !body.hidden) {
        var value = body.getAttribute('data-group-' + group) || '';
        if (value !== last) {
          var head = document.createElement('tbody');
          head.className = 'group-head';
          var row = document.createElement('tr');
          var cell = document.createElement('th');
          cell.colSpan = 7;
          cell.scope = 'colgroup';
          cell.textContent = value;
          row.appendChild(cell);
          head.appendChild(row);
          table.appendChild(head);
          last = value;
        }
      }
      table.appendChild(body);
    });
  }

  document.querySelectorAll('th[data-sort] button').forEach(function (button) {
    button.addEventListener('click', function () {
      var th = button.parentElement;
      var key = th.getAttribute('data-sort');
      sortDir = sortKey === key ? -sortDir : 1;
      sortKey = key;
      document.querySelectorAll('th[data-sort]').forEach(function (other) { other.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
      regroup();
    });
  });
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  if (search) { search.addEventListener('input', apply); }
  if (groupBy) { groupBy.addEventListener('change', regroup); }
  var reset = document.getElementById('reset');
  if (reset) {
    reset.addEventListener('click', function () {
      selects.forEach(function (s) { s.value = ''; });
      if (search) { search.value = ''; }
      if (groupBy) { groupBy.value = ''; }
      sortKey = null;
      document.querySelectorAll('th[data-sort]').forEach(function (th) { th.removeAttribute('aria-sort'); });
      apply();
    });
  }

  var metricSelect = document.getElementById('matrix-metric');
  function paintMatrix() {
    if (!metricSelect) { return; }
    var metric = metricSelect.value;
    document.querySelectorAll('.cell[data-rates]').forEach(function (cell) {
      var rates = cell.getAttribute('data-rates').split('|');
      var found = null;
      rates.forEach(function (r) {
        var parts = r.split('=');
        if (parts[0] === metric) { found = parts[1].split(' '); }
      });
      var label = cell.querySelector('.rate');
      cell.className = cell.className.replace(/\bheat-\d\b|\bnone\b/g, '').trim();
      if (!found) {
        cell.classList.add('none');
        label.textContent = 'n/a';
        return;
      }
      var rate = parseFloat(found[0]);
      cell.classList.add('heat-' + Math.min(4, Math.ceil(rate * 4)));
      label.textContent = Math.round(rate * 1000) / 10 + '% (' + found[1] + ')';
    });
  }
  if (metricSelect) { metricSelect.addEventListener('change', paintMatrix); }

  function openTarget() {
    if (!location.hash) { return; }
    var wanted = document.getElementById(decodeURIComponent(location.hash.substring(1)));
    if (!wanted) { return; }
    if (wanted.tagName === 'TBODY') {
      wanted.hidden = false;
      var samples = wanted.querySelector('details.samples');
      if (samples) { samples.open = true; }
      wanted.querySelectorAll('details.sample[data-flagged]').forEach(function (d) { d.open = true; });
    }
    for (var target = wanted; target; target = target.parentElement) {
      if (target.tagName === 'DETAILS') { target.open = true; }
      if (target.tagName === 'TBODY') { target.hidden = false; }
    }
    wanted.scrollIntoView();
  }
  window.addEventListener('hashchange', openTarget);
  paintMatrix();
  apply();
  openTarget();
})();
