/** Build support of the generated Argo Rollouts model; not an API. */
package dev.rolloutkit.argo.internal;
