/*
 * Draws the charts of the request statistics page with ECharts, from the JSON data block each chart
 * names in data-chart. The table under every chart holds the same numbers: it is what screen
 * readers use (the chart is aria-hidden) and all there is without JavaScript.
 */
(function () {
    'use strict';

    if (!window.echarts) {
        return; // the tables are there
    }
    var elderly = document.documentElement.classList.contains('elderly');
    var reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    var fontSize = elderly ? 20 : 14;
    // the page's own colours, told apart by shape and dash as well as hue
    var rateStyles = [
        { color: '#0b4f9c', symbol: 'circle', dash: 'solid' },
        { color: '#00703c', symbol: 'rect', dash: 'dashed' },
        { color: '#8a1c1c', symbol: 'triangle', dash: 'dotted' }
    ];
    var text = { color: '#1b1b1b', fontSize: fontSize };

    function percent(value) {
        return value === null || value === undefined ? '—' : value.toFixed(1) + '%';
    }

    function common() {
        return {
            animation: !reducedMotion,
            textStyle: text,
            legend: { top: 0, textStyle: text, itemWidth: 30 },
            tooltip: { trigger: 'axis', textStyle: text, valueFormatter: percent },
            grid: { left: 16, right: 24, top: elderly ? 64 : 48, bottom: 16, containLabel: true }
        };
    }

    // horizontal bars: long department names stay readable
    function bars(data) {
        var option = common();
        option.xAxis = { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', fontSize: fontSize } };
        option.yAxis = { type: 'category', inverse: true, data: data.labels, axisLabel: { fontSize: fontSize } };
        option.series = data.rates.map(function (series, i) {
            return { type: 'bar', name: series.name, data: series.values, itemStyle: { color: rateStyles[i].color } };
        });
        return option;
    }

    function trend(data) {
        var option = common();
        option.xAxis = { type: 'category', data: data.labels, axisLabel: { fontSize: fontSize } };
        option.yAxis = [
            { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', fontSize: fontSize } },
            { type: 'value', minInterval: 1, splitLine: { show: false }, axisLabel: { fontSize: fontSize } }
        ];
        // the counts first, so that the rate lines are drawn over their bars
        option.series = [{
            type: 'bar', name: data.received.name, data: data.received.values, yAxisIndex: 1,
            itemStyle: { color: '#d2d4d6' }, tooltip: { valueFormatter: String }
        }].concat(data.rates.map(function (series, i) {
            var style = rateStyles[i];
            return {
                type: 'line', name: series.name, data: series.values, connectNulls: false,
                symbol: style.symbol, symbolSize: elderly ? 12 : 8,
                itemStyle: { color: style.color }, lineStyle: { color: style.color, type: style.dash, width: 3 }
            };
        }));
        return option;
    }

    function draw(container) {
        var source = document.getElementById(container.getAttribute('data-chart'));
        if (!source) {
            return;
        }
        var data = JSON.parse(source.textContent);
        container.hidden = false;
        if (container.getAttribute('data-kind') !== 'trend') {
            container.style.height = Math.max(300, data.labels.length * (elderly ? 96 : 64) + 96) + 'px';
        }
        var chart = window.echarts.init(container);
        chart.setOption(container.getAttribute('data-kind') === 'trend' ? trend(data) : bars(data));
        window.addEventListener('resize', function () {
            chart.resize();
        });
    }

    document.querySelectorAll('[data-chart]').forEach(draw);
}());
