/**
 * JMH benchmarks and whole-process timing tools behind {@code docs/performance.md}; run with {@code
 * -Pbenchmarks}, not part of {@code mvn verify}.
 */
package dev.rolloutkit.benchmarks;
