package dev.rolloutkit.cli;

import dev.rolloutkit.simulation.MeasurementPhase;
import dev.rolloutkit.simulation.RolloutSimulation;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
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
    System.setProperty("java.awt.headless", "true");
    double end = Math.max(report.seconds(), 1) / 60.0;
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
    weight.addOrUpdate(end, last.weight());
    canary.addOrUpdate(end, last.canaryReplicas());
    stable.addOrUpdate(end, last.stableReplicas());

    NumberAxis time = new NumberAxis("minutes");
    time.setRange(0, end);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);

    NumberAxis percent = new NumberAxis("weight %");
    percent.setRange(0, 105);
    XYPlot weights =
        new XYPlot(new XYSeriesCollection(weight), null, percent, renderer(new Color(0x1f77b4)));
    NumberAxis pods = new NumberAxis("pods");
    pods.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    XYSeriesCollection podSeries = new XYSeriesCollection();
    podSeries.addSeries(canary);
    podSeries.addSeries(stable);
    XYStepRenderer podRenderer = renderer(new Color(0xff7f0e));
    podRenderer.setSeriesPaint(1, new Color(0x7f7f7f));
    podRenderer.setSeriesStroke(1, new BasicStroke(2f));
    XYPlot replicas = new XYPlot(podSeries, null, pods, podRenderer);
    for (RolloutSimulation.Measurement m : report.measurements()) {
      ValueMarker marker =
          new ValueMarker(m.seconds() / 60.0, color(m.phase()), new BasicStroke(1.5f));
      marker.setAlpha(0.8f);
      weights.addDomainMarker(marker);
    }
    for (XYPlot p : new XYPlot[] {weights, replicas}) {
      p.setBackgroundPaint(Color.WHITE);
      p.setDomainGridlinePaint(new Color(0xdddddd));
      p.setRangeGridlinePaint(new Color(0xdddddd));
    }
    plot.add(weights, 2);
    plot.add(replicas, 1);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    SVGGraphics2D g = new SVGGraphics2D(900, 540);
    chart.draw(g, new Rectangle(0, 0, 900, 540));
    return g.getSVGDocument();
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
