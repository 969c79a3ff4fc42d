/** Build support of the generated KEDA model; not an API. */
package dev.rolloutkit.keda.internal;
