/* The admin's searchable pickers (Django's Select2 4.0) named by their field's
   label, which Select2 leaves out: screen readers would announce an unnamed
   combo box (axe: "ARIA input fields must have an accessible name"). The box of
   a single choice reads its label then its value; the search box of a multiple
   one its label. */
(function () {
  "use strict";

  function name(select) {
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    var container = select.nextElementSibling;
    if (!label || !container || !container.classList.contains("select2")) {
      return;
    }
    if (!label.id) {
      label.id = select.id + "-label";
    }
    var single = container.querySelector(".select2-selection--single");
    if (single) {
      var rendered = single.querySelector(".select2-selection__rendered");
      var names = label.id + (rendered && rendered.id ? " " + rendered.id : "");
      single.setAttribute("aria-labelledby", names);
      if (rendered) {
        rendered.setAttribute("aria-labelledby", names);
      }
    }
    var search = container.querySelector(".select2-search__field");
    if (search) {
      search.setAttribute("aria-labelledby", label.id);
    }
  }

  // Named as Select2 builds each picker (when the page is ready, and in a row
  // an inline formset adds), whenever that happens.
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(function (node) {
        var select = node.previousElementSibling;
        if (node.classList && node.classList.contains("select2") && select &&
            select.matches("select.admin-autocomplete")) {
          name(select);
        }
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
