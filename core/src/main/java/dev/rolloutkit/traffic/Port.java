package dev.rolloutkit.traffic;

import org.immutables.value.Value;

/**
 * A port the application listens on and its Services expose.
 *
 * <pre>{@code Port.http(8080)   // name http, port 80 on the Service, 8080 in the container}</pre>
 */
@Value.Immutable
public abstract class Port {

  /**
   * The port name, shared by the container port and the Service port (an IANA service name: ≤ 15
   * characters).
   */
  public abstract String name();

  /** The port the Services expose. */
  public abstract int servicePort();

  /** The port the container listens on. */
  public abstract int containerPort();

  /** A port {@code name} exposed as {@code servicePort}, forwarded to {@code containerPort}. */
  public static Port of(String name, int servicePort, int containerPort) {
    return ImmutablePort.builder()
        .name(name)
        .servicePort(servicePort)
        .containerPort(containerPort)
        .build();
  }

  /** {@code http}: Service port 80 to {@code containerPort}. */
  public static Port http(int containerPort) {
    return of("http", 80, containerPort);
  }

  @Override
  public String toString() {
    return name() + ":" + servicePort() + "→" + containerPort();
  }
}
