(function () {
  'use strict';
  var filter = document.getElementById('filter');
  var rows = Array.prototype.slice.call(document.querySelectorAll('[data-f]'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('details[data-group]'));
  var pending = 0;
  function apply() {
    var q = filter.value.trim().toLowerCase();
    for (var i = 0; i < rows.length; i++) {
      var hide = q !== '' && rows[i].getAttribute('data-f').indexOf(q) < 0;
      if (rows[i].hidden !== hide) { rows[i].hidden = hide; }
    }
    for (var j = 0; j < groups.length; j++) {
      var g = groups[j];
      var members = g.querySelectorAll('[data-f]');
      var visible = false;
      for (var k = 0; k < members.length && !visible; k++) { visible = !members[k].hidden; }
      var own = q !== '' && g.querySelector('summary').textContent.toLowerCase().indexOf(q) >= 0;
      g.hidden = q !== '' && !visible && !own;
      if (q !== '' && visible) { g.open = true; }
    }
  }
  filter.addEventListener('input', function () {
    clearTimeout(pending);
    pending = setTimeout(apply, 120);
  });
  function setAll(open) { for (var i = 0; i < groups.length; i++) { groups[i].open = open; } }
  document.getElementById('expand').addEventListener('click', function () { setAll(true); });
  document.getElementById('collapse').addEventListener('click', function () { setAll(false); });
  window.addEventListener('beforeprint', function () { setAll(true); });
  document.addEventListener('click', function (e) {
    var t = e.target;
    if (t.classList && t.classList.contains('sha') && navigator.clipboard) {
      navigator.clipboard.writeText(t.textContent).then(function () {
        t.classList.add('copied');
        setTimeout(function () { t.classList.remove('copied'); }, 800);
      }, function () { /* selection still works: user-select: all */ });
    }
  });
}());
