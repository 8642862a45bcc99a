/*
 * Draws the call statistics of data sharing with ECharts, from the JSON block each chart names in
 * data-chart. The table under every chart holds the same numbers: it is what screen readers use
 * (the chart is aria-hidden) and all there is without JavaScript.
 */
(function () {
    'use strict';

    if (!window.echarts) {
        return; // the tables are there
    }
    var elderly = document.documentElement.classList.contains('elderly');
    var reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    var fontSize = elderly ? 20 : 14;
    var text = { color: '#1b1b1b', fontSize: fontSize };

    function draw(container) {
        var source = document.getElementById(container.getAttribute('data-chart'));
        if (!source) {
            return;
        }
        var data = JSON.parse(source.textContent);
        if (data.labels.length === 0) {
            return;
        }
        container.hidden = false;
        container.style.height = Math.max(240, data.labels.length * (elderly ? 96 : 64) + 96) + 'px';
        var chart = window.echarts.init(container);
        chart.setOption({
            animation: !reducedMotion,
            textStyle: text,
            legend: { top: 0, textStyle: text },
            tooltip: { trigger: 'axis', textStyle: text },
            grid: { left: 16, right: 24, top: elderly ? 64 : 48, bottom: 16, containLabel: true },
            xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: fontSize } },
            yAxis: { type: 'category', inverse: true, data: data.labels, axisLabel: { fontSize: fontSize } },
            series: [
                { type: 'bar', name: container.getAttribute('data-calls'), data: data.calls, itemStyle: { color: '#0b4f9c' } },
                { type: 'bar', name: container.getAttribute('data-failed'), data: data.failed, itemStyle: { color: '#8a1c1c' } }
            ]
        });
        window.addEventListener('resize', function () {
            chart.resize();
        });
    }

    document.querySelectorAll('[data-chart]').forEach(draw);
}());
