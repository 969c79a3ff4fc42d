package dev.rolloutkit.internal.wire;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ser.Serializers;
import dev.rolloutkit.internal.wire.model.ModelSerializers;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

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
    Services.FOUND.forEach(context::addSerializers);
  }

  /** The {@code Serializers} services on the class path (istio-bridge's generated registry among them), looked up once. */
  static List<Serializers> services() {
    return Services.FOUND;
  }

  private static final class Services {
    static final List<Serializers> FOUND = load();

    static List<Serializers> load() {
      List<Serializers> found = new ArrayList<>();
      ServiceLoader.load(Serializers.class, ModelWire.class.getClassLoader()).forEach(found::add);
      return List.copyOf(found);
    }
  }
}
