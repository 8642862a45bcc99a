/*
 * Draws a datastore preview's bar chart with ECharts from the table that follows it (data-datastore-chart
 * names it). The table holds the same numbers: screen readers use it (the chart is aria-hidden) and it is
 * all there is without JavaScript.
 */
(function () {
    'use strict';

    if (!window.echarts) {
        return;
    }
    var elderly = document.documentElement.classList.contains('elderly');
    var reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    var fontSize = elderly ? 20 : 14;
    document.querySelectorAll('[data-datastore-chart]').forEach(function (element) {
        var table = document.getElementById(element.getAttribute('data-datastore-chart'));
        if (!table) {
            return;
        }
        var names = [];
        var values = [];
        table.querySelectorAll('tbody tr').forEach(function (row) {
            names.push(row.querySelector('th').textContent);
            values.push(Number(row.querySelector('td').getAttribute('data-value')));
        });
        element.style.height = Math.max(240, names.length * (elderly ? 40 : 28) + 60) + 'px';
        var chart = window.echarts.init(element);
        chart.setOption({
            animation: !reducedMotion,
            textStyle: { color: '#1b1b1b', fontSize: fontSize },
            grid: { left: 16, right: 32, top: 16, bottom: 16, containLabel: true },
            xAxis: { type: 'value', axisLabel: { fontSize: fontSize } },
            yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: fontSize } },
            series: [{ type: 'bar', data: values, itemStyle: { color: '#0b4f9c' } }]
        });
        window.addEventListener('resize', function () { chart.resize(); });
    });
})();
