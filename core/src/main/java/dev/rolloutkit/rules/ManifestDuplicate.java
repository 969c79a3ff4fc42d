package dev.rolloutkit.rules;

import dev.rolloutkit.manifest.Manifest;

/** Every object is defined once among the linted files. */
final class ManifestDuplicate extends AbstractRule {

  ManifestDuplicate() {
    super(
        "MANIFEST-DUPLICATE",
        Severity.WARNING,
        "Every object (API group, kind, namespace, name) is defined once among the linted files",
        "kubectl apply -f sends every document in the order it reads them, so of an object"
            + " defined twice the cluster keeps the later copy and the earlier one has no effect;"
            + " kustomize refuses the pair outright (\"may not add resource with an already"
            + " registered id\"). Every other rule judges the later copy. Kubernetes: kubectl"
            + " apply (https://kubernetes.io/docs/reference/kubectl/generated/kubectl_apply/);"
            + " kustomize api/resmap/reswrangler.go Append.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    for (ResourceSet.Duplicate d : resources.duplicates()) {
      Manifest dropped = d.dropped();
      f.add(
          dropped,
          new Manifest.Problem(
              dropped.location(),
              "",
              dropped.kind()
                  + " "
                  + ResourceSet.namespaceOf(dropped.object().orElseThrow())
                  + "/"
                  + dropped.name()
                  + " is defined again at "
                  + d.kept().location()
                  + ", the copy kubectl apply keeps and rules judge; this one has no effect"),
          "keep one copy of the object");
    }
  }
}
