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
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
});
