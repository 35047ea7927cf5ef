/* The portal's maps, drawn with Leaflet over the configured tiles:
   - `#directory-map`: the directory's (or the premises') results, clustered pins
     fed by the same filters as the list;
   - `[data-place-map]`: one place, on a profile;
   - `[data-pin-picker]`: the profile form's map, on which a member places their
     pin by clicking (or by moving the map and pressing a button), filling the
     latitude and longitude fields.
   Every map is hidden until this script runs: without it (or without Leaflet)
   the results are the list, the profile its address, the form its two fields. */
(function () {
  "use strict";

  if (!window.L) {
    return;
  }

  var GENOA = [44.4056, 8.9463];

  function escapeText(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function addTiles(map, container) {
    L.tileLayer(container.dataset.tiles, {
      maxZoom: 19,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> ' +
        escapeText(container.dataset.contributors || "contributors"),
    }).addTo(map);
  }

  // A pin in its sector's colour with its sector's number (the legend's), or a
  // plain pin where the place has no sector. Colours live in portal.css.
  function pinIcon(number, colour) {
    var shape = '<span class="portal-pin-shape portal-pin-' + (Number(colour) || 0) + '">' +
      (number ? "<span>" + Number(number) + "</span>" : '<span class="portal-pin-dot"></span>') +
      "</span>";
    return L.divIcon({
      html: shape,
      className: "portal-pin",
      iconSize: [30, 30],
      iconAnchor: [15, 36],
      popupAnchor: [0, -34],
    });
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

  function resultsMap(container) {
    if (!window.fetch || !L.markerClusterGroup) {
      return;
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
    var map = L.map(container, { scrollWheelZoom: false }).setView(GENOA, 11);
    addTiles(map, container);
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
            var properties = feature.properties;
            var title = [properties.name, properties.sector].filter(Boolean).join(" · ");
            return L.marker(latlng, {
              icon: pinIcon(properties.pin, properties.colour),
              title: title,
            }).bindPopup(popup(properties));
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
  }

  function placeMap(container) {
    var here = [parseFloat(container.dataset.latitude), parseFloat(container.dataset.longitude)];
    if (isNaN(here[0]) || isNaN(here[1])) {
      return;
    }
    container.hidden = false;
    var map = L.map(container, { scrollWheelZoom: false }).setView(here, 15);
    addTiles(map, container);
    L.marker(here, {
      icon: pinIcon(container.dataset.pin, container.dataset.colour),
      title: container.dataset.name || "",
      keyboard: false,
    }).addTo(map);
  }

  function pinPicker(box) {
    var latitude = document.getElementById(box.dataset.latitudeField);
    var longitude = document.getElementById(box.dataset.longitudeField);
    var place = document.getElementById(box.dataset.municipalityField);
    var centresData = document.getElementById(box.dataset.centres);
    var container = box.querySelector("[data-pin-map]");
    var status = box.querySelector("[data-pin-status]");
    var clear = box.querySelector("[data-pin-clear]");
    var here = box.querySelector("[data-pin-here]");
    if (!latitude || !longitude || !container) {
      return;
    }
    var centres = centresData ? JSON.parse(centresData.textContent) : {};

    function typed() {
      var lat = parseFloat(latitude.value.replace(",", "."));
      var lng = parseFloat(longitude.value.replace(",", "."));
      return isNaN(lat) || isNaN(lng) ? null : L.latLng(lat, lng);
    }

    function centre() {
      return (place && centres[place.value]) || GENOA;
    }

    box.hidden = false;
    var start = typed();
    var map = L.map(container, { scrollWheelZoom: false }).setView(start || centre(), start ? 16 : 14);
    addTiles(map, container);
    var marker = null;

    function say(template, point) {
      status.textContent = point
        ? template.replace("{latitude}", point.lat.toFixed(6)).replace("{longitude}", point.lng.toFixed(6))
        : template;
    }

    function show(point) {
      if (!marker) {
        marker = L.marker(point, {
          icon: pinIcon(box.dataset.pin, box.dataset.colour),
          title: box.dataset.pinTitle || "",
          draggable: true,
        }).addTo(map);
        marker.on("dragend", function () {
          put(marker.getLatLng());
        });
      } else {
        marker.setLatLng(point);
      }
      clear.hidden = false;
    }

    function put(point) {
      var wrapped = point.wrap();
      latitude.value = wrapped.lat.toFixed(6);
      longitude.value = wrapped.lng.toFixed(6);
      show(wrapped);
      say(box.dataset.placed, wrapped);
    }

    if (start) {
      show(start);
    }
    map.on("click", function (event) {
      put(event.latlng);
    });
    here.addEventListener("click", function () {
      put(map.getCenter());
    });
    clear.addEventListener("click", function () {
      latitude.value = "";
      longitude.value = "";
      if (marker) {
        map.removeLayer(marker);
        marker = null;
      }
      clear.hidden = true;
      say(box.dataset.removed);
    });
    // Coordinates typed in the fields move the pin there.
    [latitude, longitude].forEach(function (field) {
      field.addEventListener("change", function () {
        var point = typed();
        if (point) {
          show(point);
          map.panTo(point);
        }
      });
    });
    // A new place moves the map to its centre while no pin is placed.
    if (place) {
      place.addEventListener("change", function () {
        if (!marker) {
          map.setView(centre(), 14);
        }
      });
    }
  }

  var results = document.getElementById("directory-map");
  if (results) {
    resultsMap(results);
  }
  document.querySelectorAll("[data-place-map]").forEach(placeMap);
  document.querySelectorAll("[data-pin-picker]").forEach(pinPicker);
})();
