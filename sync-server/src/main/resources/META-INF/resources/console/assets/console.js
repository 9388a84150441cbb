// The console's only script, loaded from its own origin (the Content-Security-Policy allows no
// inline script): buttons marked data-print print the page, and every cell of a list table
// learns its column's heading, which a phone shows beside the value when the table becomes
// labelled rows (console.css, max-width 640px).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('table.list').forEach(function (table) {
    var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
      return th.textContent.trim();
    });
    table.querySelectorAll('tbody tr').forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, i) {
        if (heads[i] && !cell.hasAttribute('data-label')) {
          cell.setAttribute('data-label', heads[i]);
        }
      });
    });
  });
  // the quality grid: a number outside its test's limits (rounded half-up to the reported decimals,
  // as the server judges it) is marked while it is typed, and when a refused grid is shown again;
  // the server's judgement is what is stored
  document.querySelectorAll('input.result[data-decimals]').forEach(function (input) {
    var note = input.parentNode.querySelector('.outside');
    var check = function () {
      var text = input.value.trim();
      var outside = false;
      if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) && (input.dataset.min || input.dataset.max)) {
        var d = Number(input.dataset.decimals);
        var v = Number((Math.round(Number(text) * Math.pow(10, d) + 1e-9) / Math.pow(10, d)).toFixed(d));
        outside = (input.dataset.min !== undefined && v < Number(input.dataset.min))
          || (input.dataset.max !== undefined && v > Number(input.dataset.max));
      }
      input.classList.toggle('out', outside);
      if (note) { note.hidden = !outside; }
    };
    input.addEventListener('input', check);
    check(); // a value shown again after a refusal is marked at once
  });
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
});
