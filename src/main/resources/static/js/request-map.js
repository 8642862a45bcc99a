// Maps on request pages: a progressive enhancement. Every map has a list or coordinate fields
// beside it that do the same without JavaScript, so the map itself stays out of the keyboard order.
(function () {
    'use strict';

    function draw(container) {
        var data = JSON.parse(container.getAttribute('data-map'));
        container.hidden = false;
        var map = L.map(container, {
            keyboard: false, zoomControl: false, attributionControl: Boolean(data.tiles)
        });
        if (data.tiles) {
            L.tileLayer(data.tiles, {attribution: data.attribution || ''}).addTo(map);
        }
        var areas = L.featureGroup();
        data.districts.forEach(function (district) {
            L.geoJSON(district.geometry, {style: {color: '#5e1313', weight: 2, fillOpacity: 0.05}})
                .bindTooltip(district.name).addTo(areas);
        });
        areas.addTo(map);
        var markers = L.featureGroup();
        data.markers.forEach(function (marker) {
            L.circleMarker([marker.lat, marker.lon], {radius: 7, color: '#1d70b8', fillOpacity: 0.8})
                .bindTooltip(marker.label)
                .on('click', function () { window.location.href = marker.href; })
                .addTo(markers);
        });
        markers.addTo(map);
        var bounds = markers.getLayers().length > 0 && !container.hasAttribute('data-pick')
            ? markers.getBounds() : areas.getBounds();
        if (bounds.isValid()) {
            map.fitBounds(bounds, {padding: [10, 10]});
        } else {
            map.setView([30.15, 120.2], 11);
        }
        if (container.hasAttribute('data-pick')) {
            enablePicking(map, container.getAttribute('data-pick').split(' '));
        }
    }

    // Clicking the map fills the latitude and longitude fields, which stay the real inputs.
    function enablePicking(map, inputIds) {
        var lat = document.getElementById(inputIds[0]);
        var lon = document.getElementById(inputIds[1]);
        var pin = null;
        function place(latlng) {
            if (pin) {
                pin.setLatLng(latlng);
            } else {
                pin = L.circleMarker(latlng, {radius: 9, color: '#d4351c', fillOpacity: 0.9}).addTo(map);
            }
        }
        if (lat.value && lon.value && !isNaN(+lat.value) && !isNaN(+lon.value)) {
            place([+lat.value, +lon.value]);
        }
        map.on('click', function (event) {
            lat.value = event.latlng.lat.toFixed(6);
            lon.value = event.latlng.lng.toFixed(6);
            place(event.latlng);
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        if (typeof L === 'undefined') {
            return;
        }
        document.querySelectorAll('[data-map]').forEach(draw);
    });
})();
