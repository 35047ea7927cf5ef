// While someone writes an enquiry, show the guides that may already answer it.
// Progressive: without this script the confirmation page shows them instead.
(function () {
  "use strict";
  var form = document.querySelector("form.desk-ask");
  var target = document.getElementById("desk-suggestions");
  if (!form || !target || !window.fetch) {
    return;
  }
  var url = form.getAttribute("data-suggestions-url");
  var fields = [form.elements.subject, form.elements.message].filter(Boolean);
  var timer = null;
  var last = "";
  var controller = null;

  function text() {
    return fields.map(function (field) { return field.value; }).join(" ").trim().slice(0, 500);
  }

  function refresh() {
    var query = text();
    if (query === last) {
      return;
    }
    last = query;
    if (controller) {
      controller.abort();
    }
    controller = window.AbortController ? new AbortController() : null;
    fetch(url + "?q=" + encodeURIComponent(query), {
      headers: { "X-Requested-With": "fetch" },
      signal: controller ? controller.signal : undefined,
      credentials: "same-origin"
    })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) { target.innerHTML = html; })
      .catch(function () { /* a suggestion missed is no loss */ });
  }

  fields.forEach(function (field) {
    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 600);
    });
  });
})();
