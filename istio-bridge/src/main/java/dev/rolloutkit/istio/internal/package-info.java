/**
 * What the Istio router and the Istio rules share (hosts, routes, objects of any served version);
 * not an API.
 */
package dev.rolloutkit.istio.internal;
