package dev.rolloutkit.cli;

import dev.rolloutkit.profile.BlueGreenProfile;
import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.stack.Inventory;
import dev.rolloutkit.stack.Preset;
import dev.rolloutkit.traffic.NginxTrafficRouter;
import dev.rolloutkit.traffic.Port;
import dev.rolloutkit.traffic.TrafficRouter;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code rolloutkit render <profile> --name N --namespace NS --image IMG [--traffic …] [--host
 * HOST] [--keda|--no-keda] [--blue-green] [-o DIR]}.
 *
 * <p>Declared through picocli's programmatic API rather than its annotations: this is the command a
 * cold start runs most, and reading annotations (with the proxy classes the JDK makes for them) was
 * about half of picocli's share of a cold render.
 */
final class RenderCommand implements Callable<Integer> {

  private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

  /** The command's specification, for {@code CommandLine.addSubcommand}. */
  static CommandSpec spec() {
    CommandSpec spec = new RenderCommand().spec;
    spec.name("render").versionProvider(new Version());
    spec.usageMessage()
        .description(
            "Print the canary stack of a profile as multi-document YAML, in apply order, or write"
                + " it to a folder with a kustomization.yaml.",
            "Profiles: "
                + String.join(
                    ", ",
                    Preset.ids().stream()
                        .map(id -> id + " (" + Preset.of(id).summary().replace("%", "%%") + ")")
                        .toList())
                + ".");
    Rolloutkit.addStandardHelpOptions(spec);
    spec.addPositional(
        PositionalParamSpec.builder()
            .index("0")
            .arity("0..1")
            .required(false)
            .paramLabel("PROFILE")
            .description(String.join(", ", Preset.ids()))
            .type(String.class)
            .build());
    spec.addOption(
        OptionSpec.builder("--name")
            .paramLabel("NAME")
            .description("the application's name (the Rollout's name)")
            .type(String.class)
            .build());
    spec.addOption(
        OptionSpec.builder("--namespace")
            .paramLabel("NS")
            .description("the namespace of every object")
            .type(String.class)
            .build());
    spec.addOption(
        OptionSpec.builder("--image")
            .paramLabel("IMG")
            .description("the container image")
            .type(String.class)
            .build());
    spec.addOption(
        OptionSpec.builder("--traffic")
            .paramLabel("ROUTER")
            .description("istio, nginx or none (default: the profile's)")
            .type(String.class)
            .build());
    spec.addOption(
        OptionSpec.builder("--host")
            .paramLabel("HOST")
            .description(
                "the host the nginx router's Ingress routes (default: every host; services sharing"
                    + " an ingress class need one each)")
            .type(String.class)
            .build());
    spec.addOption(
        OptionSpec.builder("--keda")
            .negatable(true)
            .description("autoscale the Rollout with KEDA (default: the profile's)")
            .type(Boolean.class)
            .build());
    spec.addOption(
        OptionSpec.builder("--blue-green")
            .description(
                "release blue-green instead of by the profile's canary steps: ADR-008's"
                    + " bluegreen-validation judges the preview before the active Service"
                    + " switches (traffic none unless given)")
            .type(boolean.class)
            .build());
    spec.addOption(
        OptionSpec.builder("--port")
            .paramLabel("PORT")
            .defaultValue("8080")
            .description("the container port (default: ${DEFAULT-VALUE})")
            .type(int.class)
            .build());
    spec.addOption(
        OptionSpec.builder("--inventory")
            .paramLabel("FILE")
            .description(
                "render every service of an inventory (YAML: a services: list, and profiles: of"
                    + " its own if any) into a GitOps tree in -o DIR: a folder per namespace and"
                    + " service, shared AnalysisTemplates once")
            .type(Path.class)
            .build());
    spec.addOption(
        OptionSpec.builder("-o", "--output")
            .paramLabel("DIR")
            .description("write one file per object and a kustomization.yaml to DIR")
            .type(Path.class)
            .build());
    return spec;
  }

  private <T> T option(String name) {
    return spec.findOption(name).getValue();
  }

  /** What a render was asked for, read by picocli or by {@link #plainRequest}. */
  record Request(
      String profile,
      String name,
      String namespace,
      String image,
      String traffic,
      String host,
      Boolean keda,
      int port,
      Path output,
      boolean blueGreen) {}

  @Override
  public Integer call() {
    Path inventory = option("--inventory");
    String profile = spec.positionalParameters().get(0).getValue();
    if (inventory != null) {
      if (profile != null
          || option("--name") != null
          || option("--namespace") != null
          || option("--image") != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--inventory renders every service of the file: give no PROFILE, --name, --namespace"
                + " or --image with it");
      }
      Path output = option("--output");
      if (output == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--inventory needs -o DIR, the folder of the GitOps tree");
      }
      PrintWriter out = spec.commandLine().getOut();
      for (Path file : Inventory.read(inventory).writeTree(output)) {
        out.println(file);
      }
      return 0;
    }
    if (profile == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Missing required parameter: 'PROFILE'");
    }
    List<String> missing = new ArrayList<>();
    for (String[] o :
        new String[][] {{"--name", "NAME"}, {"--namespace", "NS"}, {"--image", "IMG"}}) {
      if (option(o[0]) == null) {
        missing.add("'" + o[0] + "=" + o[1] + "'");
      }
    }
    if (!missing.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          (missing.size() == 1 ? "Missing required option: " : "Missing required options: ")
              + String.join(", ", missing));
    }
    Request request =
        new Request(
            spec.positionalParameters().get(0).getValue(),
            option("--name"),
            option("--namespace"),
            option("--image"),
            option("--traffic"),
            option("--host"),
            option("--keda"),
            this.<Integer>option("--port"),
            option("--output"),
            Boolean.TRUE.equals(option("--blue-green")));
    if (Preset.find(request.profile()).isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "unknown profile '"
              + request.profile()
              + "': expected one of "
              + String.join(", ", Preset.ids()));
    }
    return render(request, spec.commandLine().getOut());
  }

  /**
   * Renders {@code request} to {@code out}; returns the exit code. Failures are thrown, for the
   * caller to report.
   */
  static int render(Request request, PrintWriter out) {
    Preset preset = Preset.of(request.profile());
    CanaryStack.Builder builder =
        preset.stack(request.name()).namespace(request.namespace()).image(request.image());
    if (request.blueGreen()) {
      builder.blueGreen(BlueGreenProfile.validation());
    }
    if (request.traffic() != null) {
      builder.traffic(TrafficRouter.named(request.traffic()));
    } else if (request.blueGreen()) {
      builder.traffic(TrafficRouter.none());
    }
    if (request.host() != null) {
      TrafficRouter router =
          TrafficRouter.named(
              request.traffic() != null
                  ? request.traffic()
                  : request.blueGreen() ? "none" : preset.router());
      if (!(router instanceof NginxTrafficRouter nginx)) {
        throw new IllegalArgumentException(
            "--host: the "
                + router.name()
                + " router does not route by host; --host is for --traffic nginx");
      }
      builder.traffic(nginx.withHost(request.host()));
    }
    if (request.keda() != null) {
      builder.scaling(request.keda() ? Optional.of(preset.scaling()) : Optional.empty());
    }
    if (request.port() != 8080) {
      builder.ports(List.of(Port.http(request.port())));
    }
    CanaryStack stack = builder.build();
    if (request.output() == null) {
      out.print(stack.toYaml());
    } else {
      for (Path file : stack.writeTo(request.output())) {
        out.println(file);
      }
    }
    return 0;
  }

  /**
   * The request of a plain {@code render} command line, read without picocli (whose set-up is a
   * large part of a cold start), or null for anything else, which picocli then reads in full: help
   * and version options, an unknown or repeated option, {@code --opt=value}, {@code --}, an
   * {@code @file}, a value that starts with {@code -}, a missing required option, an unknown
   * profile, a port other than plain decimal digits. So every command line this accepts means to
   * picocli what it means here ({@code RenderFastPathTest} compares the two over seeded random
   * command lines).
   */
  static Request plainRequest(String[] args) {
    if (args.length < 2 || !args[0].equals("render")) {
      return null;
    }
    String profile = null;
    Map<String, String> values = new HashMap<>();
    Boolean keda = null;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("@")) {
        return null;
      }
      switch (arg) {
        case "--keda", "--no-keda" -> {
          if (keda != null) {
            return null;
          }
          keda = arg.equals("--keda");
        }
        case "--name",
            "--namespace",
            "--image",
            "--traffic",
            "--host",
            "--port",
            "-o",
            "--output" -> {
          String key = arg.equals("-o") ? "--output" : arg;
          if (i + 1 >= args.length || values.containsKey(key)) {
            return null;
          }
          String value = args[++i];
          if (value.startsWith("-") || value.startsWith("@")) {
            return null;
          }
          values.put(key, value);
        }
        default -> {
          if (arg.startsWith("-") || profile != null) {
            return null;
          }
          profile = arg;
        }
      }
    }
    if (profile == null
        || Preset.find(profile).isEmpty()
        || !values.containsKey("--name")
        || !values.containsKey("--namespace")
        || !values.containsKey("--image")) {
      return null;
    }
    String port = values.getOrDefault("--port", "8080");
    if (!plainNumber(port)) {
      return null;
    }
    Path output = null;
    if (values.containsKey("--output")) {
      try {
        output = Path.of(values.get("--output"));
      } catch (InvalidPathException e) {
        return null;
      }
    }
    return new Request(
        profile,
        values.get("--name"),
        values.get("--namespace"),
        values.get("--image"),
        values.get("--traffic"),
        values.get("--host"),
        keda,
        Integer.parseInt(port),
        output,
        false);
  }

  /**
   * 1 to 9 decimal digits, the first not 0: read the same by every conversion picocli might use.
   */
  private static boolean plainNumber(String text) {
    if (text.isEmpty() || text.length() > 9 || text.charAt(0) == '0') {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
