/**
 * The Istio checks: istioctl analyze's, the Istio validation webhook's and Argo's, offline and
 * across resources.
 */
package dev.rolloutkit.istio.rules;
