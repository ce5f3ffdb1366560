/*
 * The SPC chart's ECharts option, one piece of code for the page (a classic script in the browser:
 * window.SpiralSpcChart) and for GET /spirals/:id/chart.svg (required by Node, rendered with ECharts SSR).
 * Drawn as NHS England's 'Making Data Count' draws an XmR chart: points by variation type, the mean,
 * process limits, signals and their rules, with the target and the assurance. Colours are the
 * Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008, https://jfly.uni-koeln.de/color/); every type
 * also has its own symbol, so nothing relies on colour alone.
 */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.SpiralSpcChart = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  var POINT_TYPES = [
    { type: 'common', name: 'Common cause', color: '#6E6E6E', symbol: 'circle', size: 7 },
    { type: 'improvement', name: 'Special cause: improvement', color: '#0072B2', symbol: 'triangle', size: 11 },
    { type: 'concern', name: 'Special cause: concern', color: '#E69F00', symbol: 'diamond', size: 11 },
    { type: 'neutralHigh', name: 'Special cause: neutral (high)', color: '#CC79A7', symbol: 'rect', size: 9 },
    { type: 'neutralLow', name: 'Special cause: neutral (low)', color: '#CC79A7', symbol: 'pin', size: 12 },
  ];
  var COLORS = { line: '#9A9A9A', mean: '#000000', limit: '#56B4E9', target: '#009E73', mark: '#D55E00' };
  var RULE_NAMES = { astronomical: 'astronomical point', trend: 'trend of 7', twoInThree: 'two of three near a limit', shift: 'shift of 7', longestRun: 'long run', fewCrossings: 'few crossings', sustained12: '12 points sustained' };
  var DAY_MS = 86400000;
  var LANE_ROW = 16;
  var ASSURANCE = { pass: 'consistently passes the target', fail: 'consistently fails the target', hitAndMiss: 'hits and misses the target at random' };

  function dayOf(isoDate) { return String(isoDate).slice(0, 10); }

  /** Adoption, change cycles and confirmed rebases, from a spiral's history (GET /spirals/:id) and chart. */
  function timeMarks(spiral) {
    var history = spiral.history || [];
    var marks = [];
    var cycle = 0;
    history.forEach(function (entry) {
      if (entry.type === 'OptionAdopted') marks.push({ kind: 'adoption', date: dayOf(entry.occurredAt), label: 'Adopted' });
      if (entry.type === 'ChangeCycleCompleted') { cycle += 1; marks.push({ kind: 'cycle', date: dayOf(entry.occurredAt), label: 'Cycle ' + cycle }); }
    });
    var groups = (spiral.chart && spiral.chart.groups) || [];
    groups.slice(1).forEach(function (group) { marks.push({ kind: 'rebase', date: group.fromPeriod, label: 'Rebased' }); });
    return marks;
  }

  /** Runs of the same rule and kind on neighbouring points become one label, so nine astronomical points read as one annotation. */
  function signalLabels(chart) {
    var index = {};
    chart.points.forEach(function (point, i) { index[point.period] = i; });
    var labels = [];
    chart.signals.forEach(function (signal) {
      var first = signal.periods[0];
      var last = labels[labels.length - 1];
      if (last && last.rule === signal.rule && last.kind === signal.kind && index[first] === last.lastIndex + 1) {
        last.lastIndex = index[signal.periods[signal.periods.length - 1]];
        last.count += 1;
        return;
      }
      labels.push({ rule: signal.rule, kind: signal.kind, period: first, lastIndex: index[signal.periods[signal.periods.length - 1]], count: 1 });
    });
    return labels.map(function (label) {
      return { date: label.period, text: RULE_NAMES[label.rule] + (label.count > 1 ? ' ×' + label.count : '') + ' (' + label.kind + ')', color: '#003E63' };
    });
  }

  function limitSeries(chart, name, key, style) {
    // A run chart has one centre line, the baseline's median, and no limits.
    var groups = chart.kind === 'run' ? (key === 'mean' ? [{ mean: chart.median, trial: false }] : []) : chart.groups;
    return groups.map(function (group, g) {
      var points = chart.points.filter(function (point) { return point.group === g; });
      var trial = group.trial ? ' (trial)' : '';
      return {
        name: name + trial, type: 'line', showSymbol: false, silent: true, z: 1,
        lineStyle: { color: style.color, width: style.width, type: group.trial ? 'dotted' : style.type },
        itemStyle: { color: style.color },
        data: points.map(function (point) { return [point.period, group[key]]; }),
      };
    }).filter(function (series) { return series.data.length > 0 && series.data[0][1] !== null; });
  }

  function gainMarks(spiral) {
    return (spiral.gains || []).map(function (gain) {
      return { date: gain.periods[gain.periods.length - 1], text: 'Gain ' + gain.kind + ' (' + (RULE_NAMES[gain.rule] || gain.rule) + ')', color: '#00694C' };
    });
  }

  /**
   * Every label of a moment (adoption, cycles, rebases, signals, gains) in a lane above the plot,
   * packed into rows so that no two overlap: each goes in the first row whose last label ends before
   * it starts, its width estimated from its text at the chart's width. Lines stay in the plot, unlabelled.
   */
  function annotationLane(annotations, range, plotWidth) {
    var msPerPx = (range.max - range.min) / Math.max(plotWidth, 200);
    var rowEnds = [];
    var placed = annotations.slice().sort(function (a, b) { return Date.parse(a.date) - Date.parse(b.date); }).map(function (note) {
      var at = Date.parse(note.date);
      var width = (note.text.length * 6.2 + 16) * msPerPx;
      // Near the right edge a label reads leftwards from its mark, so it is never cut off.
      var leftwards = at + width > range.max;
      var start = leftwards ? at - width : at;
      var row = 0;
      while (row < rowEnds.length && rowEnds[row] >= start) row += 1;
      rowEnds[row] = start + width;
      return { value: [at, row + 0.5], label: { formatter: note.text, color: note.color, position: leftwards ? 'left' : 'right' }, itemStyle: { color: note.color } };
    });
    return { rows: rowEnds.length, data: placed };
  }

  /** The time axis's range: the points and marks, padded, at least a month wide, so one point gets no hourly ticks. */
  function timeRange(chart, marks) {
    var times = chart.points.map(function (point) { return Date.parse(point.period); }).concat(marks.map(function (mark) { return Date.parse(mark.date); }));
    if (times.length === 0) return { min: Date.now() - 15 * DAY_MS, max: Date.now() + 15 * DAY_MS };
    var min = Math.min.apply(null, times);
    var max = Math.max.apply(null, times);
    var pad = Math.max((max - min) * 0.03, 15 * DAY_MS);
    return { min: min - pad, max: max + pad };
  }

  /** The text a screen reader hears for the chart; the data table beside it holds every number. */
  function describe(spiral) {
    var chart = spiral.chart;
    if (!chart || chart.points.length === 0) return spiral.title + ': no measurements recorded yet.';
    var parts = [spiral.measure.name + ' (' + spiral.measure.unit + '), ' + chart.points.length + ' points'];
    if (chart.kind === 'run') parts.push('a run chart around the baseline median ' + round(chart.median) + ', judged by the Anhøj rules');
    if (chart.mean !== null) parts.push('mean ' + round(chart.mean) + ', process limits ' + round(chart.lowerLimit) + ' to ' + round(chart.upperLimit) + (chart.trial ? ' (trial limits)' : ''));
    parts.push(chart.signals.length + ' signals');
    if (chart.assurance) parts.push('assurance: ' + ASSURANCE[chart.assurance]);
    return parts.join('; ') + '.';
  }

  function round(value) { return value === null || value === undefined ? '–' : Math.round(value * 100) / 100; }

  function spcChartOption(spiral, size) {
    var chart = spiral.chart || { points: [], groups: [], signals: [], mean: null, trial: false };
    var subtitle = [spiral.measure.name + ' (' + spiral.measure.unit + '), ' + (spiral.measure.improvement === 'decrease' ? 'lower is better' : 'higher is better')];
    // Which chart it is and why (an XmR chart, or a run chart where the baseline is too short or too skewed).
    if (chart.why) subtitle.push(chart.why.charAt(0).toUpperCase() + chart.why.slice(1));
    if (chart.trial) subtitle.push('Trial limits: fewer than 12 baseline points');
    if (chart.assurance) subtitle.push('Assurance: ' + ASSURANCE[chart.assurance]);
    if (chart.suggestedRebase) subtitle.push('Rebase suggested from ' + chart.suggestedRebase.fromPeriod);
    var values = chart.points.map(function (point) { return point.value; }).concat([spiral.target]);
    (chart.groups || []).forEach(function (group) { if (group.upperLimit !== null) values.push(group.upperLimit, group.lowerLimit); });
    var pointSeries = POINT_TYPES.map(function (kind) {
      return {
        name: kind.name, type: 'scatter', z: 4, symbol: kind.symbol, symbolSize: kind.size,
        itemStyle: { color: kind.color, borderColor: '#FFFFFF', borderWidth: 1 },
        data: chart.points.filter(function (point) { return point.type === kind.type; }).map(function (point) { return [point.period, point.value]; }),
      };
    });
    var marks = timeMarks(spiral);
    var range = timeRange(chart, marks);
    var lane = annotationLane(marks.map(function (mark) { return { date: mark.date, text: mark.label, color: '#8A3A00' }; }).concat(signalLabels(chart), gainMarks(spiral)), range, ((size && size.width) || 900) - 140);
    var top = 30 + 18 * subtitle.length + 16;
    var laneHeight = lane.rows * LANE_ROW;
    var timeAxis = { type: 'time', min: range.min, max: range.max, minInterval: DAY_MS, axisLabel: { hideOverlap: true } };
    var lineSeries = limitSeries(chart, chart.kind === 'run' ? 'Median' : 'Mean', 'mean', { color: COLORS.mean, width: 1.5, type: 'solid' }).concat(
      limitSeries(chart, 'Process limits', 'upperLimit', { color: COLORS.limit, width: 1.5, type: 'dashed' }),
      limitSeries(chart, 'Process limits', 'lowerLimit', { color: COLORS.limit, width: 1.5, type: 'dashed' }));
    // The legend lists what is drawn: a type with no point, or trial limits on a chart without them, would only confuse.
    var legendNames = ['Measure'].concat(lineSeries.concat(pointSeries.filter(function (series) { return series.data.length > 0; })).map(function (series) { return series.name; }))
      .filter(function (name, i, names) { return names.indexOf(name) === i; });
    return {
      animation: false,
      backgroundColor: '#FFFFFF',
      aria: { enabled: true, label: { description: describe(spiral) } },
      title: { text: spiral.title, subtext: subtitle.join('\n'), left: 8, textStyle: { fontSize: 15 }, subtextStyle: { color: '#333333', lineHeight: 17 } },
      legend: { bottom: 0, data: legendNames },
      grid: [{ left: 56, right: 84, top: top + laneHeight + 28, bottom: 96 }, { left: 56, right: 84, top: top, height: Math.max(laneHeight, 1) }],
      tooltip: { trigger: 'item' },
      xAxis: [Object.assign({ name: 'Period', nameLocation: 'middle', nameGap: 26 }, timeAxis), Object.assign({ gridIndex: 1, show: false }, timeAxis)],
      yAxis: [
        { type: 'value', name: spiral.measure.unit, scale: true, min: Math.floor(Math.min.apply(null, values) * 0.98), max: Math.ceil(Math.max.apply(null, values) * 1.02) },
        { type: 'value', gridIndex: 1, show: false, inverse: true, min: 0, max: Math.max(lane.rows, 1) },
      ],
      series: [
        {
          name: 'Measure', type: 'line', z: 3, showSymbol: false, silent: true, lineStyle: { color: COLORS.line, width: 1.5 },
          itemStyle: { color: COLORS.line },
          data: chart.points.map(function (point) { return [point.period, point.value]; }),
          markLine: {
            symbol: 'none', silent: true,
            data: [{ name: 'Target', yAxis: spiral.target, lineStyle: { color: COLORS.target, type: [8, 4], width: 2 }, label: { formatter: 'Target\n' + spiral.target, position: 'end', color: '#00694C', lineHeight: 14 } }].concat(
              marks.map(function (mark) {
                return { name: mark.label, xAxis: mark.date, lineStyle: { color: COLORS.mark, type: mark.kind === 'adoption' ? 'solid' : mark.kind === 'rebase' ? 'dashed' : 'dotted', width: mark.kind === 'cycle' ? 1 : 2 }, label: { show: false } };
              }),
            ),
          },
        },
        { name: 'Annotations', type: 'scatter', xAxisIndex: 1, yAxisIndex: 1, silent: true, symbol: 'triangle', symbolRotate: 180, symbolSize: 7, label: { show: true, position: 'right', distance: 3, fontSize: 11 }, data: lane.data },
      ].concat(lineSeries, pointSeries),
    };
  }

  /** The height that leaves the plot at least 200 px under the title and the labels' rows. */
  function minimumHeight(option) { return option.grid[0].top + 200 + option.grid[0].bottom; }

  return { spcChartOption: spcChartOption, minimumHeight: minimumHeight, describeSpcChart: describe, timeMarks: timeMarks, POINT_TYPES: POINT_TYPES, RULE_NAMES: RULE_NAMES, ASSURANCE: ASSURANCE };
});
