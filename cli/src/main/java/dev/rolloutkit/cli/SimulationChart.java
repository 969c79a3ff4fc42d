package dev.rolloutkit.cli;

import dev.rolloutkit.simulation.MeasurementPhase;
import dev.rolloutkit.simulation.RolloutSimulation;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * A simulation as an SVG chart (JFreeChart drawn by JFreeSVG): the canary's traffic weight and the
 * pods of each ReplicaSet over time, with every measurement marked by its phase (green Successful,
 * orange Inconclusive, red Failed, dark red Error).
 */
final class SimulationChart {

  private SimulationChart() {}

  static String svg(String title, RolloutSimulation.Report report) {
    JFreeChart chart = chart(title, report);
    SVGGraphics2D g = new SVGGraphics2D(900, 540);
    chart.draw(g, new Rectangle(0, 0, 900, 540));
    return g.getSVGDocument();
  }

  static JFreeChart chart(String title, RolloutSimulation.Report report) {
    System.setProperty("java.awt.headless", "true");
    // the outcome, or the last scale-down after it (the delays of an abort or a promotion)
    double lastChange =
        Math.max(report.seconds(), report.timeline().get(report.timeline().size() - 1).seconds());
    double end = Math.max(lastChange, 1) / 60.0;
    double right = end * 1.04; // a little past the last change, so its step shows
    XYSeries weight = new XYSeries("canary weight (%)");
    XYSeries canary = new XYSeries("canary pods");
    XYSeries stable = new XYSeries("stable pods");
    for (RolloutSimulation.Point p : report.timeline()) {
      double minutes = p.seconds() / 60.0;
      weight.addOrUpdate(minutes, p.weight());
      canary.addOrUpdate(minutes, p.canaryReplicas());
      stable.addOrUpdate(minutes, p.stableReplicas());
    }
    RolloutSimulation.Point last = report.timeline().get(report.timeline().size() - 1);
    weight.addOrUpdate(right, last.weight());
    canary.addOrUpdate(right, last.canaryReplicas());
    stable.addOrUpdate(right, last.stableReplicas());

    NumberAxis time = new NumberAxis("minutes");
    time.setRange(0, right);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);

    NumberAxis percent = new NumberAxis("weight %");
    percent.setRange(0, 105);
    XYPlot weights =
        new XYPlot(new XYSeriesCollection(weight), null, percent, renderer(new Color(0x1f77b4)));
    NumberAxis pods = new NumberAxis("pods");
    pods.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    pods.setUpperMargin(0.2);
    XYSeriesCollection podSeries = new XYSeriesCollection();
    podSeries.addSeries(canary);
    podSeries.addSeries(stable);
    XYStepRenderer podRenderer = renderer(new Color(0xff7f0e));
    podRenderer.setSeriesPaint(1, new Color(0x7f7f7f));
    podRenderer.setSeriesStroke(1, new BasicStroke(2f));
    XYPlot replicas = new XYPlot(podSeries, null, pods, podRenderer);
    // one row per metric, a mark per measurement, coloured by its phase
    java.util.List<String> metrics = new java.util.ArrayList<>();
    report
        .measurements()
        .forEach(
            m -> {
              if (!metrics.contains(m.metric())) {
                metrics.add(m.metric());
              }
            });
    XYSeriesCollection verdicts = new XYSeriesCollection();
    XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
    MeasurementPhase[] phases = MeasurementPhase.values();
    for (int i = 0; i < phases.length; i++) {
      XYSeries series = new XYSeries(phases[i].argoName());
      for (RolloutSimulation.Measurement m : report.measurements()) {
        if (m.phase() == phases[i]) {
          series.add(m.seconds() / 60.0, metrics.indexOf(m.metric()));
        }
      }
      verdicts.addSeries(series);
      marks.setSeriesPaint(i, color(phases[i]));
      marks.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
    }
    SymbolAxis names = new SymbolAxis("", metrics.toArray(new String[0]));
    names.setRange(-0.6, Math.max(metrics.size(), 1) - 0.4);
    XYPlot measurements = new XYPlot(verdicts, null, names, marks);
    for (XYPlot p : new XYPlot[] {weights, replicas, measurements}) {
      p.setBackgroundPaint(Color.WHITE);
      p.setDomainGridlinePaint(new Color(0xdddddd));
      p.setRangeGridlinePaint(new Color(0xdddddd));
    }
    plot.add(weights, 3);
    plot.add(replicas, 2);
    plot.add(measurements, 2);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static XYStepRenderer renderer(Color color) {
    XYStepRenderer r = new XYStepRenderer();
    r.setSeriesPaint(0, color);
    r.setSeriesStroke(0, new BasicStroke(2.5f));
    return r;
  }

  private static Color color(MeasurementPhase phase) {
    return switch (phase) {
      case SUCCESSFUL -> new Color(0x2ca02c);
      case INCONCLUSIVE -> new Color(0xff9900);
      case FAILED -> new Color(0xd62728);
      case ERROR -> new Color(0x8b0000);
    };
  }
}
