// The console's only script, loaded from its own origin (the Content-Security-Policy allows no
// inline script): buttons marked data-print print the page.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
});
