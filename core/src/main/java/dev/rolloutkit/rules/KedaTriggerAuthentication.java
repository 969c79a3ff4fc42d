package dev.rolloutkit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolloutkit.keda.v1alpha1.ClusterTriggerAuthentication;
import dev.rolloutkit.keda.v1alpha1.TriggerAuthentication;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** TriggerAuthentications pass KEDA's admission checks of pod identity and OAuth2. */
final class KedaTriggerAuthentication extends AbstractRule {

  KedaTriggerAuthentication() {
    super(
        "KEDA-TRIGGER-AUTHENTICATION",
        Severity.ERROR,
        "TriggerAuthentications pass KEDA's checks of pod identity and OAuth2",
        "KEDA's admission webhook rejects a TriggerAuthentication or ClusterTriggerAuthentication"
            + " whose azure-workload identity has an empty identityId or identityTenantId, whose"
            + " aws identity sets roleArn for a workload-owned identity or externalID without"
            + " roleArn, or whose oauth2 block is incomplete. KEDA:"
            + " apis/keda/v1alpha1/triggerauthentication_webhook.go validateSpec.");
  }

  @Override
  protected void visit(ResourceSet resources, Findings f) {
    List<HasMetadata> all = new ArrayList<>(resources.ofType(TriggerAuthentication.class));
    all.addAll(resources.ofType(ClusterTriggerAuthentication.class));
    for (HasMetadata ta : all) {
      JsonNode spec = resources.tree(ta).path("spec");
      JsonNode identity = spec.path("podIdentity");
      String provider = identity.path("provider").asText("");
      if (identity.isObject()) {
        switch (provider) {
          case "azure-workload" -> {
            if (identity.has("identityId") && identity.path("identityId").asText("").isEmpty()) {
              f.add(
                  ta,
                  "spec.podIdentity.identityId",
                  "identityId of PodIdentity should not be empty. If it's set, identityId has to be"
                      + " different than \"\"",
                  "remove identityId, or set the managed identity's client id");
            }
            if (!identity.path("identityAuthorityHost").asText("").isEmpty()
                && identity.path("identityTenantId").asText("").isEmpty()) {
              f.add(
                  ta,
                  "spec.podIdentity.identityTenantId",
                  "identityTenantID of PodIdentity should not be nil or empty when"
                      + " identityAuthorityHost of PodIdentity is set",
                  "set identityTenantId");
            } else if (identity.has("identityTenantId")
                && identity.path("identityTenantId").asText("").isEmpty()) {
              f.add(
                  ta,
                  "spec.podIdentity.identityTenantId",
                  "identityTenantId of PodIdentity should not be empty. If it's set,"
                      + " identityTenantId has to be different than \"\"",
                  "remove identityTenantId, or set the tenant id");
            }
          }
          case "aws" -> {
            if (!identity.path("roleArn").asText("").isEmpty()
                && "workload".equals(identity.path("identityOwner").asText(""))) {
              f.add(
                  ta,
                  "spec.podIdentity.roleArn",
                  "roleArn of PodIdentity can't be set if KEDA isn't identityOwner",
                  "remove roleArn, or make KEDA the identity owner");
            }
            if (!identity.path("externalID").asText("").isEmpty()
                && identity.path("roleArn").asText("").isEmpty()) {
              f.add(
                  ta,
                  "spec.podIdentity.externalID",
                  "externalID of PodIdentity requires roleArn to be set",
                  "set roleArn");
            }
          }
          default -> {
            continue; // validateSpec returns at once for other providers (oauth2 unchecked)
          }
        }
      }
      JsonNode oauth2 = spec.path("oauth2");
      if (oauth2.isObject()) {
        String type = oauth2.path("type").asText("");
        if (!type.equals("clientCredentials")) {
          f.add(
              ta,
              "spec.oauth2.type",
              "oauth2.type must be 'clientCredentials', got '" + type + "'",
              "set type: clientCredentials");
        }
        if (oauth2.path("clientId").asText("").isEmpty()) {
          f.add(
              ta,
              "spec.oauth2.clientId",
              "oauth2.clientId is required when oauth2 is configured",
              "set clientId");
        }
        String tokenUrl = oauth2.path("tokenUrl").asText("");
        if (tokenUrl.isEmpty()) {
          f.add(
              ta,
              "spec.oauth2.tokenUrl",
              "oauth2.tokenUrl is required when oauth2 is configured",
              "set tokenUrl");
        } else if (!httpUrl(tokenUrl)) {
          f.add(
              ta,
              "spec.oauth2.tokenUrl",
              "oauth2.tokenUrl must be a valid http or https URL",
              "use an absolute http:// or https:// URL");
        }
      }
    }
  }

  private static boolean httpUrl(String text) {
    try {
      URI uri = new URI(text);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }
}
