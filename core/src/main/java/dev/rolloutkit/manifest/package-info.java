/**
 * The one way YAML enters and leaves rolloutkit. {@link dev.rolloutkit.manifest.Manifests#read}
 * reads files, folders and text as kubectl does (go-yaml v2's YAML 1.1 resolution, the API server's
 * strict decoding) into {@link dev.rolloutkit.manifest.Manifest}s with the file, line and column of
 * every field and one clear error per unreadable document; {@link
 * dev.rolloutkit.manifest.Manifests#write} and {@link dev.rolloutkit.manifest.Manifests#toYaml}
 * write YAML that Kubernetes reads back as the same objects. {@link
 * dev.rolloutkit.manifest.YamlFormat} lays manifests out the one way without changing what they
 * mean.
 */
package dev.rolloutkit.manifest;
