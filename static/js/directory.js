/* A small enhancement of the directory: the filter form updates the results in
   place (and the address, so the search can still be shared) instead of loading
   the whole page. Without it the form is a plain GET form. */
(function () {
  "use strict";

  var form = document.querySelector("form[data-results-form]");
  if (!form || !window.fetch || !window.history.pushState || !window.URLSearchParams) {
    return;
  }

  // Going back or forward to an address whose results differ from those shown
  // reloads them. A step between in-page anchors (the skip link, the menu) changes
  // only the hash: the page stays as it is.
  function resultsAddress() {
    return window.location.pathname + window.location.search;
  }

  var shown = resultsAddress();

  function load(url) {
    return fetch(url, { headers: { "X-Partial": "results" } }).then(function (response) {
      if (!response.ok) {
        throw new Error(response.statusText);
      }
      return response.text();
    });
  }

  form.addEventListener("submit", function (event) {
    var results = document.querySelector("[data-results]");
    if (!results || form.querySelector(".alert")) {
      return;
    }
    event.preventDefault();
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value !== "") {
        params.append(key, value);
      }
    });
    var query = params.toString();
    var url = form.action.split("?")[0] + (query ? "?" + query : "");
    results.setAttribute("aria-busy", "true");
    load(url)
      .then(function (html) {
        results.outerHTML = html;
        window.history.pushState({ directory: true }, "", url);
        shown = resultsAddress();
        var heading = document.getElementById("results-title");
        if (heading) {
          heading.focus();
        }
      })
      .catch(function () {
        window.location.assign(url);
      });
  });

  window.addEventListener("popstate", function () {
    if (resultsAddress() !== shown) {
      window.location.reload();
    }
  });
})();
