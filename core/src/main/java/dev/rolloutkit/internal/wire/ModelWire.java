package dev.rolloutkit.internal.wire;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import dev.rolloutkit.internal.Providers;
import dev.rolloutkit.internal.wire.model.ModelSerializers;

/**
 * The generated serializers of the Argo, KEDA and Service model classes as a Jackson module. Each writes exactly what
 * Jackson's own bean serializer would (the build generates them from it; {@code ModelWireTest} compares the two), without
 * introspecting the class on first use. Modules built the same way for other models (istio-bridge's) are found as
 * services of type {@code com.fasterxml.jackson.databind.ser.Serializers}.
 */
public final class ModelWire extends Module {

  @Override
  public String getModuleName() {
    return "rolloutkit-model-wire";
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public void setupModule(SetupContext context) {
    context.addSerializers(new ModelSerializers());
    Providers.serializers().forEach(context::addSerializers);
  }
}
