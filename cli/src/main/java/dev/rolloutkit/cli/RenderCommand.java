package dev.rolloutkit.cli;

import dev.rolloutkit.scaling.KedaScaling;
import dev.rolloutkit.stack.CanaryStack;
import dev.rolloutkit.traffic.Port;
import dev.rolloutkit.traffic.TrafficRouter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code rolloutkit render <profile> --name N --namespace NS --image IMG [--traffic …] [--keda|--no-keda] [-o DIR]}.
 *
 * <p>Declared through picocli's programmatic API rather than its annotations: this is the command a cold start runs
 * most, and reading annotations (with the proxy classes the JDK makes for them) was about half of picocli's share of a
 * cold render.
 */
final class RenderCommand implements Callable<Integer> {

  private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

  /** The command's specification, for {@code CommandLine.addSubcommand}. */
  static CommandSpec spec() {
    CommandSpec spec = new RenderCommand().spec;
    spec.name("render").versionProvider(new Version());
    spec.usageMessage().description(
        "Print the canary stack of a profile as multi-document YAML, in apply order, or write it to a folder with a"
            + " kustomization.yaml.",
        "Profiles: mcp (10/30/60/100 %%, gate mcp-success-rate, KEDA, Istio), ml (20/50/100 %%, gate canary-health-check,"
            + " NGINX), nlp (10/40/100 %%, longer pauses, NGINX).");
    Rolloutkit.addStandardHelpOptions(spec);
    spec.addPositional(PositionalParamSpec.builder().index("0").arity("1").required(true).paramLabel("PROFILE")
        .description("mcp, ml or nlp").type(String.class).build());
    spec.addOption(OptionSpec.builder("--name").required(true).paramLabel("NAME")
        .description("the application's name (the Rollout's name)").type(String.class).build());
    spec.addOption(OptionSpec.builder("--namespace").required(true).paramLabel("NS")
        .description("the namespace of every object").type(String.class).build());
    spec.addOption(OptionSpec.builder("--image").required(true).paramLabel("IMG")
        .description("the container image").type(String.class).build());
    spec.addOption(OptionSpec.builder("--traffic").paramLabel("ROUTER")
        .description("istio, nginx or none (default: istio for mcp, nginx for ml and nlp)").type(String.class).build());
    spec.addOption(OptionSpec.builder("--keda").negatable(true)
        .description("autoscale the Rollout with KEDA (default: on for mcp, off for ml and nlp)").type(Boolean.class).build());
    spec.addOption(OptionSpec.builder("--port").paramLabel("PORT").defaultValue("8080")
        .description("the container port (default: ${DEFAULT-VALUE})").type(int.class).build());
    spec.addOption(OptionSpec.builder("-o", "--output").paramLabel("DIR")
        .description("write one file per object and a kustomization.yaml to DIR").type(Path.class).build());
    return spec;
  }

  private <T> T option(String name) {
    return spec.findOption(name).getValue();
  }

  @Override
  public Integer call() {
    String profile = spec.positionalParameters().get(0).getValue();
    String name = option("--name");
    String namespace = option("--namespace");
    String image = option("--image");
    String traffic = option("--traffic");
    Boolean keda = option("--keda");
    int port = this.<Integer>option("--port");
    Path output = option("--output");
    if (!List.of("mcp", "ml", "nlp").contains(profile)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "unknown profile '" + profile + "': expected one of mcp, ml, nlp");
    }
    CanaryStack.Builder builder = CanaryStack.preset(profile, name).namespace(namespace).image(image);
    if (traffic != null) {
      builder.traffic(TrafficRouter.named(traffic));
    }
    if (keda != null) {
      builder.scaling(keda ? Optional.of(profile.equals("mcp") ? KedaScaling.mcp() : KedaScaling.http()) : Optional.empty());
    }
    if (port != 8080) {
      builder.ports(List.of(Port.http(port)));
    }
    CanaryStack stack = builder.build();
    if (output == null) {
      spec.commandLine().getOut().print(stack.toYaml());
    } else {
      for (Path file : stack.writeTo(output)) {
        spec.commandLine().getOut().println(file);
      }
    }
    return 0;
  }
}
