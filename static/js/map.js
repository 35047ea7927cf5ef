/* The directory's map: clustered pins over OpenStreetMap tiles, fed by the same
   filters as the list. Without this script (or without Leaflet) the page is the
   list of results, which stays below the map for keyboard and screen reader users. */
(function () {
  "use strict";

  var container = document.getElementById("directory-map");
  if (!container || !window.L || !window.fetch) {
    return;
  }

  function escapeText(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function popup(properties) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = properties.name;
    var title = document.createElement("p");
    title.className = "portal-map-popup-title";
    title.appendChild(link);
    var facts = document.createElement("p");
    facts.className = "portal-map-popup-facts";
    facts.textContent = [properties.sector, properties.municipality].filter(Boolean).join(" · ");
    box.appendChild(title);
    box.appendChild(facts);
    return box;
  }

  var label = container.dataset.organisationsLabel || "";

  function clusterIcon(cluster) {
    var count = cluster.getChildCount();
    var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
    return L.divIcon({
      html: "<div><span>" + count + '<span class="visually-hidden"> ' + escapeText(label) +
        "</span></span></div>",
      className: "marker-cluster marker-cluster-" + size,
      iconSize: L.point(40, 40),
    });
  }

  container.hidden = false;
  var map = L.map(container, { scrollWheelZoom: false }).setView([44.4056, 8.9463], 11);
  L.tileLayer(container.dataset.tiles, {
    maxZoom: 19,
    attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> ' +
      escapeText(container.dataset.contributors || "contributors"),
  }).addTo(map);

  // Leaflet guesses its images' address from its stylesheet, which the hashed
  // static file names defeat: the page gives them.
  var pin = L.icon({
    iconUrl: container.dataset.markerIcon,
    iconRetinaUrl: container.dataset.markerIcon2x,
    shadowUrl: container.dataset.markerShadow,
    iconSize: [25, 41],
    iconAnchor: [12, 41],
    popupAnchor: [1, -34],
    shadowSize: [41, 41],
  });

  var cluster = L.markerClusterGroup({ iconCreateFunction: clusterIcon });
  map.addLayer(cluster);

  fetch(container.dataset.geojson, { headers: { Accept: "application/geo+json" } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error(response.statusText);
      }
      return response.json();
    })
    .then(function (data) {
      var layer = L.geoJSON(data, {
        pointToLayer: function (feature, latlng) {
          var name = feature.properties.name;
          return L.marker(latlng, { icon: pin, title: name, alt: name }).bindPopup(
            popup(feature.properties)
          );
        },
      });
      cluster.addLayer(layer);
      if (layer.getLayers().length) {
        map.fitBounds(cluster.getBounds(), { padding: [20, 20], maxZoom: 15 });
      }
      container.dataset.loaded = String(layer.getLayers().length);
    })
    .catch(function () {
      container.hidden = true;
    });
})();
