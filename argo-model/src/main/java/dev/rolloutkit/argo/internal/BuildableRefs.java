package dev.rolloutkit.argo.internal;

import io.sundr.builder.annotations.Buildable;
import io.sundr.builder.annotations.BuildableReference;

/**
 * Tells the sundrio builder generator about the fabric8 types that replace the CRDs' embedded pod,
 * job and selector schemas ({@code existingJavaTypes} in the POM), so that generated fluents get
 * nested builders such as {@code RolloutSpecFluent.withNewTemplate()} and {@code editTemplate()}.
 * Not API: it has no behaviour, and the builder sundrio generates for it is deleted after
 * compiling.
 */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    builderPackage = "io.fabric8.kubernetes.api.builder",
    refs = {
      @BuildableReference(io.fabric8.kubernetes.api.model.PodTemplateSpec.class),
      @BuildableReference(io.fabric8.kubernetes.api.model.PodSpec.class),
      @BuildableReference(io.fabric8.kubernetes.api.model.LabelSelector.class),
      @BuildableReference(io.fabric8.kubernetes.api.model.batch.v1.JobSpec.class),
      @BuildableReference(io.fabric8.kubernetes.api.model.ResourceRequirements.class),
      @BuildableReference(io.fabric8.kubernetes.api.model.Quantity.class),
      @BuildableReference(io.fabric8.kubernetes.api.model.IntOrString.class)
    })
final class BuildableRefs {
  BuildableRefs() {}
}
